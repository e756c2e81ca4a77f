using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

// A small service with async endpoints, built twice (LoadApp woven, LoadApp.Plain not) for bench/load.sh.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
var orders = new OrderService();

app.MapGet("/orders/{id:int}", async (int id) => Results.Text(await orders.DescribeAsync(id)));
app.MapGet("/health", async () => { await Task.Yield(); return "ok"; });
app.Run();

/// <summary>A few layers of async calls per request, one of which really suspends, as in a typical service.</summary>
internal sealed class OrderService
{
    private readonly Cache _cache = new Cache();

    public async Task<string> DescribeAsync(int id)
    {
        var order = await LoadAsync(id);
        var total = await PriceAsync(order);
        return $"order {order.Id}: {order.Lines} lines, total {total}";
    }

    private async Task<Order> LoadAsync(int id)
    {
        if (_cache.TryGet(id, out var cached)) return cached;
        await Task.Yield(); // stands in for I/O
        var order = new Order(id, id % 7 + 1);
        _cache.Put(order);
        return order;
    }

    private async ValueTask<decimal> PriceAsync(Order order)
    {
        decimal total = 0;
        for (int i = 0; i < order.Lines; i++) total += await LinePriceAsync(order.Id, i);
        return total;
    }

    private static ValueTask<decimal> LinePriceAsync(int id, int line) => new ValueTask<decimal>((id * 31 + line) % 100 + 0.99m);
}

internal sealed record Order(int Id, int Lines);

internal sealed class Cache
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, Order> _orders = new();

    public bool TryGet(int id, out Order order) => _orders.TryGetValue(id % 64 == 0 ? -1 : id, out order!);

    public void Put(Order order) => _orders[order.Id] = order;
}
