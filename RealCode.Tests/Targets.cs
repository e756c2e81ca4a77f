namespace NonBlocking.RealCode.Tests
{
    /// <summary>
    /// What the real-code benchmark must reach (issue 31: 90 % overall, 75 % on every library, validation too) and the
    /// floor the tests hold today. The floor only rises: a rule change that loses precision anywhere fails the build.
    /// </summary>
    internal static class Targets
    {
        public const double Overall = 0.90;
        public const double PerLibrary = 0.75;

        /// <summary>
        /// Today's floor over each set; raised to <see cref="Overall"/> as the rules get there. Validation went from 0.67 to
        /// 0.64 when Garnet (a server application, 29 labelled warnings at 59 %) joined it on 2026-12-05: new code
        /// measured, not a rule that got worse; 0.66 on 2026-12-06 with the second batch (66.7 %), 0.65 with the third
        /// (Akka: 0 true, 2 false, 24 unclear). Training reached the target on 2026-12-06 (90.7 %, 93.2 % with the second
        /// and third batches and the rules they asked for), then measured 68 % when the fourth batch joined it (Cosmos DB's
        /// SDK: 0 of 29 true; Npgsql 1 of 14): 0.70 after the rules that batch asked for, 0.73 once dispatch read where a
        /// receiver comes from and the project's own methods returning streams and writers were read (73.2 %), 0.75 with
        /// Cosmos' CloneableStream catalogued as in memory (75.2 %). The fifth batch measured training 64.8 % on labelling
        /// (MailKit: 0 of 25 true), 74.2 % after the rule it asked for; validation 56.4 % (gRPC's client: 0 of 18 true,
        /// completion checks through an extension method on a property no rule reads, not tuned against); training 0.75
        /// once a socket switched to non-blocking mode was read as polling (75.2 %); 0.78 and 0.58 once a call path carried
        /// what it knows of the objects it hands on (a base class's method run on a new object, a base constructor's virtual
        /// call) and a generic call's return was read at its type argument (78.8 %, 58.6 %). The sixth batch measured
        /// training 74.4 % (Marten: 14 of 29 true, its session's work tracker dispatched to the projection daemon's) and
        /// validation 54.2 % (Wolverine: 0 of 11, 19 unclear) on labelling: 0.74 and 0.54, new code measured. Batches 7
        /// and 8 (six assemblies, three silent) and a zero-timeout WaitAsync read as complete: 74.4 % and 54.4 %; batch 9
        /// (MSAL, Telegram.Bot, Rebus) 74.2 % and 61.0 % on labelling, then writers and readers over memory (MSAL's
        /// StringWriter subclass, XmlWriter.Create over a TextWriter, XNode.CreateReader): 75.4 % and 62.2 %, floors 0.75 and 0.62.
        /// Batch 10 (a new draw; InfluxDB 0 of 30) 64.8 %, 75.4 % with its rule (a Type argument as a flag), validation 62.8 %;
        /// batch 11 (linq2db: 2 of 16 decided, dispatch into its remote context) 69.5 % and 61.4 % on labelling, 69.8 % and
        /// 61.7 % with await Task.WhenAny's result read as complete: floors 0.69 and 0.61, new code measured. Session 28:
        /// dispatch read at a path's type arguments and at an argument's static type (linq2db 214 → 178 warnings): 71.4 %;
        /// batch 12 (OpenAI 0 of 1, OTLP exporter silent; Flurl.Http 0 of 0, 1 unclear) 71.0 % and 61.7 %; batch 13 (a new
        /// draw, seed 31g: SendGrid and NEST silent, Confluent.SchemaRegistry 0 of 5 — SemaphoreSlim mutexes around
        /// dictionary lookups) 69.3 % on labelling, 71.0 % once a semaphore used as a lock is read as one; the draw's next
        /// three (Pomelo 3 of 3, Firebird's client 3 of 14 — a new command's setters, guards on fields no rule reads;
        /// Hangfire.SqlServer 0 of 2) 68.2 % and 61.1 % on labelling; the three after them (log4net and Azure Files silent,
        /// Event Grid 0 of 3 — serializing into a MemoryStream) 68.2 % and 60.1 %: floors 0.68 and 0.60, new code measured.
        /// Session 29: a new object's fields read as default until stored (Firebird's new FbCommand runs no Release):
        /// 69.8 %; batch 14 (the draw's next: Cosmos Table 0 of 7 — bodies its DocumentDB transport buffered, DuckDB silent;
        /// MySql.Data 22 of 26, validation) 67.6 % and 63.1 % on labelling, 69.2 % once ResourceResponseBase.ResponseStream
        /// was catalogued as in memory: floors 0.69 and 0.63, new code measured. A class of the project holding the stream
        /// its constructor is handed read as a wrapper (SQS's SQSWriter): 69.5 %; the draw's last two (Caching.SqlServer silent,
        /// training; NetMQ 0 of 3, validation — zero-timeout receives through its own socket layer) 69.5 % and 62.2 %: floors
        /// 0.69 and 0.62, new code measured. A wait on the project's own async method that only awaits memory read as
        /// complete (Minio's GetPolicyResponse): 70.0 %, floor 0.70. Microsoft.Azure.Amqp's BufferListStream and
        /// AmqpMessage.ToStream catalogued as in memory (Event Hubs 2 false fewer; Service Bus, validation, 1): 70.6 % and 62.5 %.
        /// Batch 15 (a new draw, seed 31h: Azure Storage's DataMovement 29 of 30 — its resume journal written synchronously,
        /// concurrency semaphores, sync-over-async File service calls; Azure.Search.Documents and InfluxDB3.Client silent)
        /// 73.9 % and 62.5 % on labelling: floors 0.73 and 0.62, new code measured; the draw's next three (WebPush and Evolve
        /// silent, training; FreeRedis 26 of 27, validation — sync socket reads in its async reader) 73.9 % and 66.3 %: floors
        /// 0.73 and 0.66, new code measured; the three after (Storage.Blob 2 of 5 decided and SignalR's client 1 of 1, training;
        /// OidcClient 1 of 1, validation) 73.3 % and 66.4 % on labelling, 74.2 % once the Storage SDK's MultiBufferMemoryStream
        /// was catalogued as in memory: floors 0.74 and 0.66. The next three (ClickHouse.Driver 9 of 10 and GovukNotify 2 of 2,
        /// training; CSRedisCore 10 of 10, validation) 75.0 % and 67.7 %: floors 0.75 and 0.67, new code measured. Its last two
        /// silent; an unbounded BlockingCollection's Add no warning (75.4 %). Batch 16 (a new draw, seed 31i, fifteen packages:
        /// DistributedLock.Redis 0 of 6 — its ambient sync mode — and StreamJsonRpc 0 of 10, PuppeteerSharp 14 of 22 decided)
        /// 73.3 % and 65.2 % on labelling: floors 0.73 and 0.65, new code measured; 75.6 % after four rules (an ambient
        /// mode, a cast task, an int compared with zero, Marten's serializers). Batch 17 (seed 31j: WorkflowCore 3 of 19 —
        /// its unbounded queues kept in a dictionary — FFMpegCore 1 of 1 decided, Selenium 2 of 3; CliWrap's six unclear,
        /// MedallionShell 1 of 3, Anthropic 3 of 3, validation) 72.0 % and 65.2 % on labelling: floors 0.72 and 0.65; 76.2 %
        /// after a private dictionary of unbounded queues. Batch 18 (seed 31k: Google.Apis.Auth 0 of 2 decided, Microsoft.Data
        /// .Sqlite, MSAL's cache helper and NATS' v1 client right; Rebus.PostgreSql 24 of 27, validation) 76.0 % and 67.2 % on
        /// labelling: floors 0.75 and 0.67, new code measured; 76.3 % with an async lambda that has no await, handed to
        /// Task.Run, read as offloaded (FusionCache). Session 32: a kept completion check, a virtual method's returns, kernel
        /// files (YARP, Selenium, the diagnostics client): 77.1 %; batch 19 (seed 31l: ARSoft.Tools.Net 0 of 6 decided — a
        /// socket peeked after Poll, an unbounded collection handed down; Nakama and Tmds.DBus right; Nerdbank.Streams 0 of 12,
        /// validation — AsyncManualResetEvent.Set, whose SetAsync twin is obsolete) 75.8 % and 64.7 % on labelling: floors
        /// 0.75 and 0.64, new code measured; 77.7 % after three more rules (a socket peeked after Poll, an unbounded
        /// collection handed down, a helper's task every caller checked). Batch 20 (seed 31m: ADAL 0 of 30 — its internalized
        /// Json.NET's async reader and writer, which no code calls; protobuf-net.Grpc 0 of 7 — a completion check through its
        /// own RanToCompletion(); WindowsAzure.Storage 2 of 9 — the SDK's in-memory MultiBufferMemoryStream under its old
        /// namespace; five validation packages silent) 67.4 % and 64.7 % on labelling: floors 0.67 and 0.64, new code measured;
        /// 72.0 % and 65.3 % after a library's own completion test read by its body, the old MultiBufferMemoryStream
        /// catalogued, and dispatch kept to types that can have instances (ADAL's sample then took in five more warnings of
        /// its never-called JSON async API, labelled false): floors 0.72 and 0.65. Batch 21 (seed 31n: Google.Api.Gax 1 of 1,
        /// nine silent; WebJobs' storage 1 of 1, the output cache's Redis store 2 unclear, validation) 72.1 % and 65.4 %.
        /// Session 33: an async method nothing can run is no root (Reachability; validation's Key Vault pipeline, Hangfire's
        /// internalized Dapper lose their falses, no true lost) 72.1 % and 66.6 %: floors 0.72 and 0.66; a project's own reader's
        /// disposal judged by its own code (ClickHouse's false gone) 72.4 %.
        /// </summary>
        public static double FloorOf(Support.LabelSet set) => set == Support.LabelSet.Training ? 0.72 : 0.66;
        /// <summary>Today's floor for any one library; raised to <see cref="PerLibrary"/> as the rules get there.</summary>
        public const double PerLibraryFloor = 0.0;
        /// <summary>Share of the fixed upstream bugs (Historic/bugs.tsv) reported on the buggy version and not on the fixed one.</summary>
        public const double HistoricRecall = 0.85;
    }
}
