using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using NonBlocking;

namespace Accuracy
{
    /// <summary>A real ASP.NET Core app on Kestrel (loopback), one blocking endpoint and one correct one, under concurrent requests.</summary>
    public static class Web
    {
        [Scenario("web/blocking-endpoint-under-concurrent-requests")]
        [Expect("Accuracy.Web.BlockingHandler()", From = "await@web-yield", To = "end", Ms = 150, Count = 6, Calls = new[] { Sleep.Api + "@web-sleep" })]
        public static async Task BlockingEndpointUnderConcurrentRequests()
        {
            await using var app = await Task.Run(StartAsync);
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            var requests = Enumerable.Range(0, 6).Select(_ => client.GetStringAsync("/block"))
                .Concat(Enumerable.Range(0, 6).Select(_ => client.GetStringAsync("/ok")));
            var bodies = await Task.WhenAll(requests);
            if (bodies.Count(b => b == "blocked") != 6 || bodies.Count(b => b == "ok") != 6) throw new InvalidOperationException();
        }

        // A sync HttpClient.Send from async code, against the same app's slow (but correct) endpoint.
        [Scenario("web/sync-httpclient-send")]
        [Expect("Accuracy.Web.SendSync(HttpClient)", From = "await@send-yield", To = "end", Ms = 200,
            Calls = new[] { "System.Net.Http.HttpClient.Send(HttpRequestMessage)@send-call" })]
        public static async Task SyncHttpClientSend()
        {
            await using var app = await Task.Run(StartAsync);
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            await client.GetStringAsync("/ok"); // warm the connection
            await SendSync(client);
        }

        private static async Task SendSync(HttpClient client)
        {
            await Task.Yield(); // @send-yield
            using var response = client.Send(new HttpRequestMessage(HttpMethod.Get, "/slow-but-async")); // @send-call
            response.EnsureSuccessStatusCode();
        }

        // A middleware whose `await next(context)` ran the rest of the request inline: the endpoint's SQLite call (async,
        // synchronous underneath) is named in the endpoint's report; the middleware is not reported, since its segment's
        // time is the endpoint's.
        [Scenario("web/middleware-runs-the-request-inline")]
        [Expect("Accuracy.Web.SqliteHandler()", From = "start", To = "end", Ms = 250,
            Calls = new[] { "System.Data.Common.DbCommand.ExecuteScalarAsync()" + Labels.CompletedSynchronously + "@web-sqlite-call" })]
        public static async Task MiddlewareRunsTheRequestInline()
        {
            await using var app = await Task.Run(StartAsync);
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            if (await client.GetStringAsync("/sqlite") != "250") throw new InvalidOperationException();
        }

        private static Microsoft.Data.Sqlite.SqliteConnection? _database;

        private static async Task<string> SqliteHandler()
        {
            using var command = new Microsoft.Data.Sqlite.SqliteCommand("SELECT slow(250)", _database);
            return Convert.ToString(await command.ExecuteScalarAsync())!; // @web-sqlite-call
        }

        private static async Task Timing(Microsoft.AspNetCore.Http.HttpContext context, Microsoft.AspNetCore.Http.RequestDelegate next)
        {
            context.Response.Headers["X-Started"] = DateTime.UtcNow.ToString("o");
            await next(context);
        }

        private static async Task<string> BlockingHandler()
        {
            await Task.Yield(); // @web-yield
            Thread.Sleep(150); // @web-sleep
            return "blocked";
        }

        private static async Task<string> CorrectHandler()
        {
            await Task.Delay(150);
            return "ok";
        }

        private static async Task<string> SlowButAsyncHandler()
        {
            await Task.Delay(200);
            return "slow";
        }

        [AllowBlocking] // start-up, not under test
        private static async Task<WebApplication> StartAsync()
        {
            _database = await SqlFunctions.OpenAsync();
            return await WebHostForScenarios.StartAsync(app =>
            {
                app.Use(Timing);
                app.MapGet("/sqlite", SqliteHandler);
                app.MapGet("/block", BlockingHandler);
                app.MapGet("/ok", CorrectHandler);
                app.MapGet("/slow-but-async", SlowButAsyncHandler);
            });
        }
    }
}
