using NonBlocking.RealCode.Tests.Support;
using static NonBlocking.RealCode.Tests.Support.LabelSet;

namespace NonBlocking.RealCode.Tests
{
    /// <summary>
    /// The real libraries the static analysis is measured on, none of them used while the rules were written. The
    /// validation third was drawn before any warning was labelled (a seeded shuffle, docs/accuracy.md) and is never
    /// tuned against: a rule is changed for what a training library shows, then validation says whether it generalizes.
    /// </summary>
    internal static class Libraries
    {
        public static readonly Library[] All =
        {
            new("MySqlConnector", "MySqlConnector", "3.0.0", Training, "https://github.com/mysql-net/MySqlConnector/tree/3.0.0"),
            new("Microsoft.Data.SqlClient", "Microsoft.Data.SqlClient", "7.1.2", Training, "https://github.com/dotnet/SqlClient/tree/v7.1.2"),
            new("AWSSDK.S3", "AWSSDK.S3", "4.1.0.1", Training, "https://github.com/aws/aws-sdk-net"),
            new("RabbitMQ.Client", "RabbitMQ.Client", "7.2.2", Training, "https://github.com/rabbitmq/rabbitmq-dotnet-client/tree/v7.2.2"),
            new("Elastic.Clients.Elasticsearch", "Elastic.Clients.Elasticsearch", "9.5.3", Training, "https://github.com/elastic/elasticsearch-net"),
            new("Minio", "Minio", "7.0.0", Training, "https://github.com/minio/minio-dotnet/tree/7.0.0"),
            new("Renci.SshNet", "SSH.NET", "2026.0.1", Training, "https://github.com/sshnet/SSH.NET"),
            new("NLog", "NLog", "6.2.2", Training, "https://github.com/NLog/NLog"),
            new("MassTransit", "MassTransit", "8.5.12", Training, "https://github.com/MassTransit/MassTransit/tree/v8.5.12"),
            new("Azure.Storage.Blobs", "Azure.Storage.Blobs", "12.26.0", Training, "https://github.com/Azure/azure-sdk-for-net/tree/main/sdk/storage/Azure.Storage.Blobs"),
            new("SixLabors.ImageSharp", "SixLabors.ImageSharp", "3.1.12", Training, "https://github.com/SixLabors/ImageSharp/tree/v3.1.12"),
            new("Serilog.Sinks.File", "Serilog.Sinks.File", "7.0.0", Training, "https://github.com/serilog/serilog-sinks-file"),
            new("RestSharp", "RestSharp", "114.1.0", Training, "https://github.com/restsharp/RestSharp"),
            new("MQTTnet", "MQTTnet", "5.2.0.1603", Training, "https://github.com/dotnet/MQTTnet"),
            new("CsvHelper", "CsvHelper", "33.1.0", Training, "https://github.com/JoshClose/CsvHelper"),
            new("LiteDB", "LiteDB", "5.0.21", Training, "https://github.com/litedb-org/LiteDB"),
            // Applications (added 2026-12-05, set drawn by the same seeded shuffle): a diagnostics CLI and its client library.
            new("dotnet-counters", "dotnet-counters", "10.0.750501", Training, "https://github.com/dotnet/diagnostics", Tool: true),
            new("Microsoft.Diagnostics.NETCore.Client", "dotnet-counters", "10.0.750501", Training, "https://github.com/dotnet/diagnostics", Tool: true),
            // Second batch (added 2026-12-06, set drawn by a seeded shuffle before labelling; docs/accuracy.md).
            new("ICSharpCode.SharpZipLib", "SharpZipLib", "1.4.2", Training, "https://github.com/icsharpcode/SharpZipLib/tree/v1.4.2"),
            new("Polly.Core", "Polly.Core", "8.9.1", Training, "https://github.com/App-vNext/Polly"),
            new("FluentStorage", "FluentStorage", "8.0.24", Training, "https://github.com/robinrodricks/FluentStorage"),
            new("Azure.Storage.Queues", "Azure.Storage.Queues", "12.28.1", Training, "https://github.com/Azure/azure-sdk-for-net/tree/main/sdk/storage/Azure.Storage.Queues"),
            // Third batch (2026-12-06; the same shuffle, seed 31c, drew Akka for validation).
            new("Orleans.Runtime", "Microsoft.Orleans.Runtime", "10.4.2", Training, "https://github.com/dotnet/orleans"),
            new("Confluent.Kafka", "Confluent.Kafka", "2.16.0", Training, "https://github.com/confluentinc/confluent-kafka-dotnet"),
            new("DnsClient", "DnsClient", "1.8.0", Training, "https://github.com/MichaCo/DnsClient.NET"),
            // Fourth batch (2026-12-06; shuffle seed 31d drew Google.Apis for validation).
            new("Microsoft.Azure.Cosmos.Client", "Microsoft.Azure.Cosmos", "3.64.0", Training, "https://github.com/Azure/azure-cosmos-dotnet-v3"),
            new("Npgsql", "Npgsql", "10.0.3", Training, "https://github.com/npgsql/npgsql/tree/v10.0.3"),
            new("Elasticsearch.Net", "Elasticsearch.Net", "7.17.5", Training, "https://github.com/elastic/elasticsearch-net/tree/v7.17.5"),
            // Fifth batch (2026-12-06; shuffle seed 31e over fifteen packages; the first three drawn, docs/accuracy.md).
            new("MailKit", "MailKit", "4.18.2", Training, "https://github.com/jstedfast/MailKit/tree/4.18.2"),
            new("Azure.Messaging.EventHubs", "Azure.Messaging.EventHubs", "5.12.2", Training, "https://github.com/Azure/azure-sdk-for-net/tree/main/sdk/eventhub/Azure.Messaging.EventHubs"),
            // Sixth batch (2026-12-06, session 26): the next three of batch 5's draw, its first two to training.
            new("Marten", "Marten", "9.62.0", Training, "https://github.com/JasperFx/marten"),
            new("Twilio", "Twilio", "8.2.0", Training, "https://github.com/twilio/twilio-csharp"),
            // Seventh batch (2026-12-06, session 27): the last two of batch 5's draw, in the order's training places.
            new("Azure.Data.Tables", "Azure.Data.Tables", "12.13.0", Training, "https://github.com/Azure/azure-sdk-for-net/tree/main/sdk/tables/Azure.Data.Tables"),
            new("Docker.DotNet", "Docker.DotNet", "3.125.15", Training, "https://github.com/dotnet/Docker.DotNet"),
            // Eighth batch (2026-12-06, session 27): the draw's next four, by its pattern (two training, then one validation).
            new("Microsoft.AspNetCore.SignalR.Client.Core", "Microsoft.AspNetCore.SignalR.Client", "10.0.12", Training, "https://github.com/dotnet/aspnetcore/tree/v10.0.12/src/SignalR/clients/csharp"),
            new("Dapr.Client", "Dapr.Client", "1.19.1", Training, "https://github.com/dapr/dotnet-sdk"),
            // Ninth batch (2026-12-06, session 27): the draw's last three, two to training.
            new("Microsoft.Identity.Client", "Microsoft.Identity.Client", "4.92.0", Training, "https://github.com/AzureAD/microsoft-authentication-library-for-dotnet"),
            new("Telegram.Bot", "Telegram.Bot", "22.10.4", Training, "https://github.com/TelegramBots/Telegram.Bot"),
            // Tenth batch (2026-12-06, session 27): a new draw (seed 31f) of fifteen packages, its first six, two to training then one to validation.
            new("Hangfire.PostgreSql", "Hangfire.PostgreSql", "1.21.1", Training, "https://github.com/hangfire-postgres/Hangfire.PostgreSql"),
            new("InfluxDB.Client", "InfluxDB.Client", "5.1.0", Training, "https://github.com/influxdata/influxdb-client-csharp"),
            new("Refit", "Refit", "16.4.0", Training, "https://github.com/reactiveui/refit"),
            new("Microsoft.Graph", "Microsoft.Graph", "6.10.0", Training, "https://github.com/microsoftgraph/msgraph-sdk-dotnet"),
            // Eleventh batch (2026-12-06, session 27): the seed-31f draw's next six, in the same pattern.
            new("Yarp.ReverseProxy", "Yarp.ReverseProxy", "2.3.0", Training, "https://github.com/dotnet/yarp"),
            new("AWSSDK.SQS", "AWSSDK.SQS", "4.1.0.1", Training, "https://github.com/aws/aws-sdk-net"),
            new("Azure.Identity", "Azure.Identity", "1.21.0", Training, "https://github.com/Azure/azure-sdk-for-net/tree/main/sdk/identity/Azure.Identity"),
            new("linq2db", "linq2db", "6.5.1", Training, "https://github.com/linq2db/linq2db"),
            // Twelfth batch (2026-12-06, session 28): the seed-31f draw's last three, in the same pattern.
            new("OpenAI", "OpenAI", "2.15.0", Training, "https://github.com/openai/openai-dotnet"),
            new("OpenTelemetry.Exporter.OpenTelemetryProtocol", "OpenTelemetry.Exporter.OpenTelemetryProtocol", "1.21.0", Training, "https://github.com/open-telemetry/opentelemetry-dotnet"),
            // Thirteenth batch (2026-12-06, session 28): a new draw (seed 31g) of fifteen packages that restore here, its first nine.
            new("SendGrid", "SendGrid", "9.29.3", Training, "https://github.com/sendgrid/sendgrid-csharp"),
            new("Confluent.SchemaRegistry", "Confluent.SchemaRegistry", "2.16.0", Training, "https://github.com/confluentinc/confluent-kafka-dotnet"),
            new("Pomelo.EntityFrameworkCore.MySql", "Pomelo.EntityFrameworkCore.MySql", "9.0.0", Training, "https://github.com/PomeloFoundation/Pomelo.EntityFrameworkCore.MySql/tree/9.0.0"),
            new("FirebirdSql.Data.FirebirdClient", "FirebirdSql.Data.FirebirdClient", "10.3.4", Training, "https://github.com/FirebirdSQL/NETProvider/tree/v10.3.4"),
            new("log4net", "log4net", "3.6.0", Training, "https://github.com/apache/logging-log4net"),
            new("Azure.Storage.Files.Shares", "Azure.Storage.Files.Shares", "12.28.0", Training, "https://github.com/Azure/azure-sdk-for-net/tree/main/sdk/storage/Azure.Storage.Files.Shares"),
            // Fourteenth batch (session 29): the seed-31g draw's tenth, thirteenth and fourteenth (its eleventh, MongoDB.Driver,
            // cannot restore beside SharpCompress 0.48.0, NU1605, as in the second batch).
            new("Microsoft.Azure.Cosmos.Table", "Microsoft.Azure.Cosmos.Table", "1.0.8", Training, "https://github.com/Azure/azure-cosmos-table-dotnet"),
            new("DuckDB.NET.Data", "DuckDB.NET.Data", "1.5.6.1", Training, "https://github.com/Giorgi/DuckDB.NET"),
            new("Microsoft.Extensions.Caching.SqlServer", "Microsoft.Extensions.Caching.SqlServer", "11.0.0", Training, "https://github.com/dotnet/aspnetcore/tree/main/src/Caching/SqlServer"),
            // Fifteenth batch (session 29): a new draw, seed 31h (docs/accuracy.md), its first, second, fourth, fifth, seventh, eighth, tenth and eleventh.
            new("Microsoft.Azure.Storage.DataMovement", "Microsoft.Azure.Storage.DataMovement", "1.3.0", Training, "https://github.com/Azure/azure-storage-net-data-movement"),
            new("Azure.Search.Documents", "Azure.Search.Documents", "11.5.1", Training, "https://github.com/Azure/azure-sdk-for-net/tree/main/sdk/search/Azure.Search.Documents"),
            new("Lib.Net.Http.WebPush", "Lib.Net.Http.WebPush", "3.3.1", Training, "https://github.com/tpeczek/Lib.Net.Http.WebPush"),
            new("Evolve", "Evolve", "3.2.0", Training, "https://github.com/lecaillon/Evolve"),
            new("Microsoft.Azure.Storage.Blob", "Microsoft.Azure.Storage.Blob", "11.2.3", Training, "https://github.com/Azure/azure-storage-net"),
            new("Microsoft.AspNet.SignalR.Client", "Microsoft.AspNet.SignalR.Client", "2.4.2", Training, "https://github.com/SignalR/SignalR"),
            new("ClickHouse.Driver", "ClickHouse.Driver", "1.5.0", Training, "https://github.com/ClickHouse/clickhouse-cs"),
            new("GovukNotify", "GovukNotify", "6.0.0", Training, "https://github.com/alphagov/notifications-net-client"),
            // Its fourteenth (its thirteenth, Microsoft.Azure.DurableTask.AzureStorage, needs Azure.Storage.Blobs 12.27, above the labelled 12.26: NU1605).
            new("FluentMigrator.Runner.Core", "FluentMigrator.Runner.Core", "8.0.1", Training, "https://github.com/fluentmigrator/fluentmigrator"),
            // Sixteenth batch (session 30): a new draw, seed 31i (docs/accuracy.md), two of each three to training.
            new("SocketIOClient", "SocketIOClient", "3.0.6", Training, "https://github.com/doghappy/socket.io-client-csharp"),
            new("Dapper", "Dapper", "2.1.86", Training, "https://github.com/DapperLib/Dapper"),
            new("Temporalio", "Temporalio", "1.22.0", Training, "https://github.com/temporalio/sdk-dotnet"),
            new("DistributedLock.Redis", "DistributedLock.Redis", "1.1.1", Training, "https://github.com/madelson/DistributedLock"),
            new("DotNetCore.CAP", "DotNetCore.CAP", "10.0.2", Training, "https://github.com/dotnetcore/CAP"),
            new("ZiggyCreatures.FusionCache", "ZiggyCreatures.FusionCache", "2.9.0", Training, "https://github.com/ZiggyCreatures/FusionCache"),
            new("Amqp.Net", "AMQPNetLite", "2.5.5", Training, "https://github.com/Azure/amqpnetlite"),
            new("Qdrant.Client", "Qdrant.Client", "1.20.0", Training, "https://github.com/qdrant/qdrant-dotnet"),
            new("DistributedLock.Postgres", "DistributedLock.Postgres", "1.3.2", Training, "https://github.com/madelson/DistributedLock"),
            new("RedLockNet.SERedis", "RedLock.net", "2.3.2", Training, "https://github.com/samcook/RedLock.net"),
            // Seventeenth batch (session 30): a new draw, seed 31j (docs/accuracy.md), two of each three to training; its fourth,
            // Docker.DotNet.Enhanced, is a fork of the labelled Docker.DotNet (the same assembly): left out.
            new("SmtpServer", "SmtpServer", "11.1.0", Training, "https://github.com/cosullivan/SmtpServer"),
            new("FFMpegCore", "FFMpegCore", "6.0.0", Training, "https://github.com/rosenbjerg/FFMpegCore"),
            new("dotnet-etcd", "dotnet-etcd", "10.0.0", Training, "https://github.com/shubhamranjan/dotnet-etcd"),
            new("Serilog.Sinks.MSSqlServer", "Serilog.Sinks.MSSqlServer", "10.0.1", Training, "https://github.com/serilog-mssql/serilog-sinks-mssqlserver"),
            new("Selenium.WebDriver", "Selenium.WebDriver", "4.52.0", Training, "https://github.com/SeleniumHQ/selenium/tree/trunk/dotnet"),
            new("Hangfire.Storage.SQLite", "Hangfire.Storage.SQLite", "0.4.3", Training, "https://github.com/raisedapp/Hangfire.Storage.SQLite"),
            new("Streamiz.Kafka.Net", "Streamiz.Kafka.Net", "1.8.2", Training, "https://github.com/LGouellec/streamiz"),
            new("Jering.Javascript.NodeJS", "Jering.Javascript.NodeJS", "6.3.1", Training, "https://github.com/JeringTech/Javascript.NodeJS"),
            new("WorkflowCore", "WorkflowCore", "3.22.0", Training, "https://github.com/danielgerlag/workflow-core"),
            // Eighteenth batch (session 31): a new draw, seed 31k (docs/accuracy.md), two of each three to training; its
            // thirteenth, Hangfire.Mongo, cannot restore beside the labelled SharpCompress 0.48.0 (its MongoDB.Driver asks
            // for 0.48.1: NU1605): left out.
            new("NATS.Client", "NATS.Client", "1.1.8", Training, "https://github.com/nats-io/nats.net.v1"),
            new("Google.Apis.Auth", "Google.Apis.Auth", "1.76.0", Training, "https://github.com/googleapis/google-api-dotnet-client"),
            new("Microsoft.AspNetCore.Http.Connections.Client", "Microsoft.AspNetCore.Http.Connections.Client", "10.0.12", Training, "https://github.com/dotnet/aspnetcore/tree/v10.0.12/src/SignalR/clients/csharp/Http.Connections.Client"),
            new("RestEase", "RestEase", "1.4.3", Training, "https://github.com/canton7/RestEase"),
            new("Microsoft.Data.Sqlite", "Microsoft.Data.Sqlite", "10.0.0", Training, "https://github.com/dotnet/efcore/tree/v10.0.0/src/Microsoft.Data.Sqlite.Core"),
            new("OpenIddict.Client", "OpenIddict.Client", "7.9.0", Training, "https://github.com/openiddict/openiddict-core"),
            new("Microsoft.Extensions.Caching.StackExchangeRedis", "Microsoft.Extensions.Caching.StackExchangeRedis", "11.0.0", Training, "https://github.com/dotnet/aspnetcore/tree/main/src/Caching/StackExchangeRedis"),
            new("Microsoft.Kiota.Http.HttpClientLibrary", "Microsoft.Kiota.Http.HttpClientLibrary", "2.1.6", Training, "https://github.com/microsoft/kiota-dotnet"),
            new("Microsoft.Identity.Client.Extensions.Msal", "Microsoft.Identity.Client.Extensions.Msal", "4.92.0", Training, "https://github.com/AzureAD/microsoft-authentication-library-for-dotnet"),
            // Nineteenth batch (session 32): a new draw, seed 31l (docs/accuracy.md), two of each three to training; its
            // ninth, Microsoft.Azure.DurableTask.AzureStorage, cannot restore beside the labelled Azure.Storage.Blobs 12.26.0
            // (2.11.2 and 2.11.3 ask for 12.27.0: NU1605): left out.
            new("System.Data.SqlClient", "System.Data.SqlClient", "4.9.1", Training, "https://github.com/dotnet/corefx/tree/release/3.1/src/System.Data.SqlClient"),
            new("ARSoft.Tools.Net", "ARSoft.Tools.Net", "3.6.1", Training, "https://github.com/alexreinert/ARSoft.Tools.Net"),
            new("Pipelines.Sockets.Unofficial", "Pipelines.Sockets.Unofficial", "2.2.16", Training, "https://github.com/mgravell/Pipelines.Sockets.Unofficial"),
            new("Tmds.DBus.Protocol", "Tmds.DBus.Protocol", "0.95.2", Training, "https://github.com/tmds/Tmds.DBus"),
            new("Prometheus.NetStandard", "prometheus-net", "8.2.1", Training, "https://github.com/prometheus-net/prometheus-net"),
            new("Nakama", "NakamaClient", "3.23.0", Training, "https://github.com/heroiclabs/nakama-dotnet"),
            new("SQLite-net", "sqlite-net-pcl", "1.11.285", Training, "https://github.com/praeclarum/sqlite-net"),
            new("DotNetty.Transport", "DotNetty.Transport", "0.7.6", Training, "https://github.com/Azure/DotNetty"),
            new("OpenTelemetry.PersistentStorage.FileSystem", "OpenTelemetry.PersistentStorage.FileSystem", "1.2.0", Training, "https://github.com/open-telemetry/opentelemetry-dotnet-contrib"),
            new("Weasel.Postgresql", "Weasel.Postgresql", "9.51.0", Training, "https://github.com/JasperFx/weasel"),
            // Twentieth batch (session 32): a new draw, seed 31m (docs/accuracy.md), two of each three to training; its
            // seventh, Docker.DotNet.Enhanced, ships a Docker.DotNet.dll beside the labelled Docker.DotNet's: left out.
            new("LightningDB", "LightningDB", "0.24.0", Training, "https://github.com/CoreyKaylor/Lightning.NET"),
            new("protobuf-net.Grpc", "protobuf-net.Grpc", "1.3.14", Training, "https://github.com/protobuf-net/protobuf-net.Grpc"),
            new("Microsoft.Azure.KeyVault", "Microsoft.Azure.KeyVault", "3.0.5", Training, "https://github.com/Azure/azure-sdk-for-net/tree/main/sdk/keyvault/Microsoft.Azure.KeyVault"),
            new("Microsoft.IdentityModel.Clients.ActiveDirectory", "Microsoft.IdentityModel.Clients.ActiveDirectory", "5.3.0", Training, "https://github.com/AzureAD/azure-activedirectory-library-for-dotnet"),
            new("Respawn", "Respawn", "7.0.0", Training, "https://github.com/jbogard/Respawn"),
            new("Orleans.Core", "Microsoft.Orleans.Core", "10.4.2", Training, "https://github.com/dotnet/orleans"),
            new("Microsoft.Azure.Storage.File", "Microsoft.Azure.Storage.File", "11.1.7", Training, "https://github.com/Azure/azure-storage-net"),
            new("Microsoft.WindowsAzure.Storage", "WindowsAzure.Storage", "9.3.3", Training, "https://github.com/Azure/azure-storage-net"),
            new("Microsoft.AspNetCore.DataProtection.StackExchangeRedis", "Microsoft.AspNetCore.DataProtection.StackExchangeRedis", "11.0.0", Training, "https://github.com/dotnet/aspnetcore/tree/main/src/DataProtection/StackExchangeRedis"),
            // Twenty-first batch (session 32): a new draw, seed 31n (docs/accuracy.md), two of each three to training; its
            // ninth, MysticMind.PostgresEmbed, asks for SharpCompress 0.50.8 beside the labelled 0.48.0 (NU1605): left out.
            new("Google.Api.Gax", "Google.Api.Gax", "4.13.1", Training, "https://github.com/googleapis/gax-dotnet"),
            new("Nethereum.RPC", "Nethereum.RPC", "6.1.0", Training, "https://github.com/Nethereum/Nethereum"),
            new("IdentityModel", "IdentityModel", "6.2.0", Training, "https://github.com/IdentityModel/IdentityModel"),
            new("Serval.Client", "Serval.Client", "1.23.0", Training, "https://github.com/sillsdev/serval"),
            new("DBreeze", "DBreeze", "1.138.2026.603", Training, "https://github.com/hhblaze/DBreeze"),
            new("Microsoft.SemanticKernel.Connectors.OpenAI", "Microsoft.SemanticKernel.Connectors.OpenAI", "1.82.0", Training, "https://github.com/microsoft/semantic-kernel"),
            new("Microsoft.Graph.Core", "Microsoft.Graph.Core", "4.0.1", Training, "https://github.com/microsoftgraph/msgraph-sdk-dotnet-core"),
            new("Hangfire.InMemory", "Hangfire.InMemory", "1.0.0", Training, "https://github.com/HangfireIO/Hangfire.InMemory"),
            new("Microsoft.DurableTask.Client.Grpc", "Microsoft.DurableTask.Client.Grpc", "1.28.0", Training, "https://github.com/microsoft/durabletask-dotnet"),
            new("Microsoft.AspNetCore.SignalR.StackExchangeRedis", "Microsoft.AspNetCore.SignalR.StackExchangeRedis", "10.0.15", Training, "https://github.com/dotnet/aspnetcore/tree/v10.0.15/src/SignalR/server/StackExchangeRedis"),
            // Twenty-second batch (session 33): fifteen names drawn from the served candidates (seed 31o-pick), sets by seed
            // 31o (docs/accuracy.md), two of each three to training; Microsoft.Web.LibraryManager.Build, a build-task
            // package whose assembly reaches no output folder (tools/net8.0, no `any` layout), and DuckDB.NET.Data.Full, which
            // ships the DuckDB.NET.Data assembly labelled in the fourteenth batch (with the native library), left out.
            new("FluentMigrator.Extensions.Oracle", "FluentMigrator.Extensions.Oracle", "8.0.1", Training, "https://github.com/fluentmigrator/fluentmigrator"),
            new("WireMock.Net.ProtoBuf", "WireMock.Net.ProtoBuf", "2.31.0", Training, "https://github.com/WireMock-Net/WireMock.Net"),
            new("Bogus", "Bogus", "35.6.5", Training, "https://github.com/bchavez/Bogus"),
            new("Microsoft.Identity.Web.TokenCache", "Microsoft.Identity.Web.TokenCache", "4.18.0", Training, "https://github.com/AzureAD/microsoft-identity-web"),
            new("System.Net.Http.Json", "System.Net.Http.Json", "11.0.0", Training, "https://github.com/dotnet/runtime/tree/main/src/libraries/System.Net.Http.Json"),
            new("Npgsql.DependencyInjection", "Npgsql.DependencyInjection", "10.0.3", Training, "https://github.com/npgsql/npgsql"),
            new("Altinn.Common.AccessToken", "Altinn.Common.AccessToken", "5.1.19", Training, "https://github.com/Altinn/altinn-accesstoken"),
            new("Polly.Extensions.Http", "Polly.Extensions.Http", "3.0.0", Training, "https://github.com/App-vNext/Polly.Extensions.Http"),
            // Twenty-third batch (session 33): fifteen names drawn as batch 22's were (seed 31p-pick), sets by seed 31p, two of
            // each three to training; Thinktecture.EntityFrameworkCore.SqlServer and Azure.ResourceManager.OperationalInsights
            // (no version restores here: all-failed) and Microsoft.IO.Redist (.NET Framework only, NU1701) left out.
            new("InfluxDB.Client.Core", "InfluxDB.Client.Core", "5.1.0", Training, "https://github.com/influxdata/influxdb-client-csharp"),
            new("Microsoft.SqlServer.TransactSql.ScriptDom", "Microsoft.SqlServer.TransactSql.ScriptDom", "180.154.0", Training, "https://github.com/microsoft/SqlScriptDOM"),
            new("Akka.Cluster.Tools", "Akka.Cluster.Tools", "1.5.75", Training, "https://github.com/akkadotnet/akka.net"),
            new("OpenTelemetry.PersistentStorage.Abstractions", "OpenTelemetry.PersistentStorage.Abstractions", "1.2.0", Training, "https://github.com/open-telemetry/opentelemetry-dotnet-contrib/tree/main/src/OpenTelemetry.PersistentStorage.Abstractions"),
            new("HealthChecks.Rabbitmq", "AspNetCore.HealthChecks.Rabbitmq", "9.0.0", Training, "https://github.com/Xabaril/AspNetCore.Diagnostics.HealthChecks"),
            new("LinqKit.Core", "LinqKit.Core", "1.3.2", Training, "https://github.com/scottksmith95/LINQKit"),
            new("FastEndpoints.Messaging.Core", "FastEndpoints.Messaging.Core", "9.0.0", Training, "https://github.com/FastEndpoints/FastEndpoints"),

            new("NATS.Client.Core", "NATS.Net", "3.3.2", Validation, "https://github.com/nats-io/nats.net"),
            new("Elastic.Transport", "Elastic.Transport", "1.1.0", Validation, "https://github.com/elastic/elastic-transport-net"),
            new("Azure.Messaging.ServiceBus", "Azure.Messaging.ServiceBus", "7.21.0", Validation, "https://github.com/Azure/azure-sdk-for-net/tree/main/sdk/servicebus/Azure.Messaging.ServiceBus"),
            new("SharpCompress", "SharpCompress", "0.48.0", Validation, "https://github.com/adamhathcock/sharpcompress"),
            new("Quartz", "Quartz", "3.15.1", Validation, "https://github.com/quartznet/quartznet"),
            new("AWSSDK.Core", "AWSSDK.Core", "4.1.1", Validation, "https://github.com/aws/aws-sdk-net"),
            new("Octokit", "Octokit", "14.0.0", Validation, "https://github.com/octokit/octokit.net"),
            new("NATS.Client.JetStream", "NATS.Net", "3.3.2", Validation, "https://github.com/nats-io/nats.net"),
            new("Hangfire.Core", "Hangfire.Core", "1.8.25", Validation, "https://github.com/HangfireIO/Hangfire"),
            // Second batch, validation (the shuffle drew MongoDB.Driver too; it cannot restore beside SharpCompress 0.48.0, NU1605).
            new("Serilog.Sinks.Seq", "Serilog.Sinks.Seq", "9.1.0", Validation, "https://github.com/datalust/serilog-sinks-seq"),
            new("StackExchange.Redis", "StackExchange.Redis", "3.4.35", Validation, "https://github.com/StackExchange/StackExchange.Redis"),
            new("Akka", "Akka", "1.5.75", Validation, "https://github.com/akkadotnet/akka.net"),
            new("Google.Apis", "Google.Apis", "1.76.0", Validation, "https://github.com/googleapis/google-api-dotnet-client"),
            // Fifth batch, validation (the third of the three drawn).
            new("Grpc.Net.Client", "Grpc.Net.Client", "2.85.0", Validation, "https://github.com/grpc/grpc-dotnet/tree/v2.85.0"),
            // Sixth batch, validation (the third of the three drawn).
            new("Wolverine", "WolverineFx", "6.64.2", Validation, "https://github.com/JasperFx/wolverine"),
            // Eighth batch, validation (the draw's ninth and twelfth).
            new("Stripe.net", "Stripe.net", "53.1.0", Validation, "https://github.com/stripe/stripe-dotnet"),
            new("KubernetesClient", "KubernetesClient", "21.0.8", Validation, "https://github.com/kubernetes-client/csharp"),
            // Ninth batch, validation (the draw's last).
            new("Rebus", "Rebus", "8.10.0", Validation, "https://github.com/rebus-org/Rebus"),
            // Tenth batch, validation (the draw's third and sixth).
            new("Sentry", "Sentry", "7.0.0", Validation, "https://github.com/getsentry/sentry-dotnet"),
            new("AWSSDK.DynamoDBv2", "AWSSDK.DynamoDBv2", "4.1.0.1", Validation, "https://github.com/aws/aws-sdk-net"),
            // Eleventh batch, validation (the draw's ninth and twelfth).
            new("Azure.Security.KeyVault.Secrets", "Azure.Security.KeyVault.Secrets", "4.12.0", Validation, "https://github.com/Azure/azure-sdk-for-net/tree/main/sdk/keyvault/Azure.Security.KeyVault.Secrets"),
            new("Google.Cloud.Storage.V1", "Google.Cloud.Storage.V1", "5.0.0", Validation, "https://github.com/googleapis/google-cloud-dotnet"),
            // Twelfth batch, validation (the draw's fifteenth).
            new("Flurl.Http", "Flurl.Http", "4.0.2", Validation, "https://github.com/tmenier/Flurl"),
            // Thirteenth batch, validation (the seed-31g draw's third, sixth and ninth).
            new("Nest", "NEST", "7.17.5", Validation, "https://github.com/elastic/elasticsearch-net/tree/v7.17.5"),
            new("Hangfire.SqlServer", "Hangfire.SqlServer", "1.8.25", Validation, "https://github.com/HangfireIO/Hangfire/tree/v1.8.25"),
            new("Azure.Messaging.EventGrid", "Azure.Messaging.EventGrid", "4.17.0", Validation, "https://github.com/Azure/azure-sdk-for-net/tree/main/sdk/eventgrid/Azure.Messaging.EventGrid"),
            // Fourteenth batch, validation (the seed-31g draw's twelfth and fifteenth).
            new("MySql.Data", "MySql.Data", "26.10.0", Validation, "https://github.com/mysql/mysql-connector-net"),
            new("NetMQ", "NetMQ", "4.0.4.5", Validation, "https://github.com/zeromq/netmq"),
            // Fifteenth batch, validation (the seed-31h draw's third, sixth, ninth and twelfth).
            new("InfluxDB3.Client", "InfluxDB3.Client", "1.10.0", Validation, "https://github.com/InfluxCommunity/influxdb3-csharp"),
            new("FreeRedis", "FreeRedis", "1.5.5", Validation, "https://github.com/2881099/FreeRedis"),
            new("Duende.IdentityModel.OidcClient", "Duende.IdentityModel.OidcClient", "7.1.1", Validation, "https://github.com/DuendeSoftware/foss"),
            new("CSRedisCore", "CSRedisCore", "3.8.807", Validation, "https://github.com/2881099/csredis"),
            new("Hangfire.Redis.StackExchange", "Hangfire.Redis.StackExchange", "1.12.0", Validation, "https://github.com/marcoCasamento/Hangfire.Redis.StackExchange"),
            // Sixteenth batch, validation (the seed-31i draw's third, sixth, ninth, twelfth and fifteenth).
            new("StreamJsonRpc", "StreamJsonRpc", "2.26.150", Validation, "https://github.com/microsoft/vs-streamjsonrpc"),
            new("NRedisStack", "NRedisStack", "1.8.0", Validation, "https://github.com/redis/NRedisStack"),
            new("Websocket.Client", "Websocket.Client", "5.5.1", Validation, "https://github.com/Marfusios/websocket-client"),
            new("OllamaSharp", "OllamaSharp", "5.5.2", Validation, "https://github.com/awaescher/OllamaSharp"),
            new("PuppeteerSharp", "PuppeteerSharp", "25.17.1", Validation, "https://github.com/hardkoded/puppeteer-sharp"),
            // Seventeenth batch, validation (the seed-31j draw's third, sixth, ninth, twelfth and fifteenth).
            new("NeoSmart.Caching.Sqlite", "NeoSmart.Caching.Sqlite", "9.0.3", Validation, "https://github.com/neosmart/AspSqliteCache"),
            new("CliWrap", "CliWrap", "3.10.5", Validation, "https://github.com/Tyrrrz/CliWrap"),
            new("MedallionShell", "MedallionShell", "1.6.1", Validation, "https://github.com/madelson/MedallionShell"),
            new("Anthropic", "Anthropic", "13.15.0", Validation, "https://github.com/anthropics/anthropic-sdk-csharp"),
            new("MaxMind.GeoIP2", "MaxMind.GeoIP2", "6.1.0", Validation, "https://github.com/maxmind/GeoIP2-dotnet"),
            // Eighteenth batch, validation (the seed-31k draw's third, sixth, ninth, twelfth and fifteenth).
            new("Microsoft.Azure.Storage.Queue", "Microsoft.Azure.Storage.Queue", "11.2.3", Validation, "https://github.com/Azure/azure-storage-net"),
            new("System.Data.SQLite", "System.Data.SQLite", "2.0.4", Validation, "https://system.data.sqlite.org"),
            new("Rebus.PostgreSql", "Rebus.PostgreSql", "9.1.1", Validation, "https://github.com/rebus-org/Rebus.PostgreSql"),
            new("Nethereum.JsonRpc.RpcClient", "Nethereum.JsonRpc.RpcClient", "6.1.0", Validation, "https://github.com/Nethereum/Nethereum"),
            new("dbup-core", "dbup-core", "6.1.1", Validation, "https://github.com/DbUp/DbUp"),
            // Nineteenth batch, validation (the seed-31l draw's third, sixth, twelfth and fifteenth; its ninth left out).
            new("Microsoft.Azure.Amqp", "Microsoft.Azure.Amqp", "2.7.0", Validation, "https://github.com/Azure/azure-amqp"),
            new("Thrift", "ApacheThrift", "0.25.0", Validation, "https://github.com/apache/thrift/tree/master/lib/netstd"),
            new("Nerdbank.Streams", "Nerdbank.Streams", "2.13.16", Validation, "https://github.com/dotnet/Nerdbank.Streams"),
            new("Microsoft.Rest.ClientRuntime", "Microsoft.Rest.ClientRuntime", "2.3.24", Validation, "https://github.com/Azure/azure-sdk-for-net/tree/main/sdk/mgmtcommon/ClientRuntime"),
            // Twentieth batch, validation (the seed-31m draw's third, sixth, ninth, twelfth and fifteenth).
            new("MQTTnet.Server", "MQTTnet.Server", "5.2.0.1603", Validation, "https://github.com/dotnet/MQTTnet"),
            new("Orleans.Persistence.Redis", "Microsoft.Orleans.Persistence.Redis", "10.4.2", Validation, "https://github.com/dotnet/orleans"),
            new("Nethereum.JsonRpc.Client", "Nethereum.JsonRpc.Client", "6.1.0", Validation, "https://github.com/Nethereum/Nethereum"),
            new("Makaretu.Dns.Multicast", "Makaretu.Dns.Multicast", "0.27.0", Validation, "https://github.com/richardschneider/net-mdns"),
            new("RedisRateLimiting", "RedisRateLimiting", "1.2.1", Validation, "https://github.com/cristipufu/aspnetcore-redis-rate-limiting"),
            // Twenty-first batch, validation (the seed-31n draw's third, sixth, twelfth and fifteenth; its ninth left out).
            new("Duende.IdentityModel", "Duende.IdentityModel", "8.1.0", Validation, "https://github.com/DuendeSoftware/foss/tree/main/identity-model"),
            new("Microsoft.AspNetCore.OutputCaching.StackExchangeRedis", "Microsoft.AspNetCore.OutputCaching.StackExchangeRedis", "10.0.15", Validation, "https://github.com/dotnet/aspnetcore/tree/v10.0.15/src/Middleware/Microsoft.AspNetCore.OutputCaching.StackExchangeRedis"),
            new("Microsoft.Azure.WebJobs.Host.Storage", "Microsoft.Azure.WebJobs.Host.Storage", "5.0.1", Validation, "https://github.com/Azure/azure-webjobs-sdk"),
            new("Orleans.Clustering.Redis", "Microsoft.Orleans.Clustering.Redis", "10.4.2", Validation, "https://github.com/dotnet/orleans"),
            // Twenty-second batch, validation (the seed-31o draw's sixth, ninth, twelfth and fifteenth; its third, RocksDbSharp
            // 6.2.2, ships a RocksDbSharp.dll that the RocksDB package Streamiz.Kafka.Net brings overrides: left out).
            new("Grpc.Core.Api", "Grpc.Core.Api", "2.85.0", Validation, "https://github.com/grpc/grpc-dotnet"),
            new("NATS.Client.Serializers.Json", "NATS.Client.Serializers.Json", "3.3.2", Validation, "https://github.com/nats-io/nats.net"),
            new("SQLitePCLRaw.core", "SQLitePCLRaw.core", "3.0.5", Validation, "https://github.com/ericsink/SQLitePCL.raw"),
            new("Wolverine.RabbitMQ", "WolverineFx.RabbitMQ", "6.64.2", Validation, "https://github.com/JasperFx/wolverine"),
            // Twenty-third batch, validation (the seed-31p draw's third, sixth, ninth, twelfth and fifteenth).
            new("FluentMigrator.Extensions.MySql", "FluentMigrator.Extensions.MySql", "8.0.1", Validation, "https://github.com/fluentmigrator/fluentmigrator"),
            new("Microsoft.DurableTask.LargePayloadPurge.Abstractions", "Microsoft.DurableTask.LargePayloadPurge.Abstractions", "1.28.0", Validation, "https://github.com/microsoft/durabletask-dotnet"),
            new("Microsoft.Extensions.VectorData.Abstractions", "Microsoft.Extensions.VectorData.Abstractions", "10.5.2", Validation, "https://github.com/microsoft/semantic-kernel/tree/main/dotnet/src/Connectors/VectorData.Abstractions"),
            new("NATS.Client.Abstractions", "NATS.Client.Abstractions", "3.3.2", Validation, "https://github.com/nats-io/nats.net"),
            new("Aspire.StackExchange.Redis", "Aspire.StackExchange.Redis", "13.6.5", Validation, "https://github.com/dotnet/aspire"),
            // A server application (Microsoft Garnet, a Redis-compatible cache store), never tuned against.
            new("Garnet.server", "garnet-server", "2.2.12", Validation, "https://github.com/microsoft/garnet", Tool: true),
            new("Garnet.cluster", "garnet-server", "2.2.12", Validation, "https://github.com/microsoft/garnet", Tool: true),
        };
    }
}
