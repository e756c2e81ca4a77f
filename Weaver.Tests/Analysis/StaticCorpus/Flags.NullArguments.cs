// A null argument decides a branch as a bool flag does: Minio's MinioException(message) is this(message, null), and its
// message builder reads the server response's body only when there is one. Look-alike: the same builder handed a
// live response reads it.
using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.Nulls
{
    public sealed class Response
    {
        private readonly Stream _body;
        public Response(Stream body) => _body = body;
        public string Content
        {
            get
            {
                var copy = new MemoryStream();
                _body.CopyTo(copy);
                return copy.Length.ToString();
            }
        }
    }

    public class ApiException : System.Exception
    {
        public ApiException(string message) : this(message, null) { }
        public ApiException(string message, Response? response) : base(Describe(message, response)) { }
        private static string Describe(string message, Response? response)
        {
            if (response == null) return message;
            return message + ": " + response.Content;
        }
    }

    // case: nulls/an exception built from a message only never reads a response
    public static class MessageOnly
    {
        public static async Task Validate(string bucket)
        {
            await Task.Yield();
            if (bucket.Length == 0) throw new ApiException("empty bucket name");
        }
    }

    // case: nulls/the same exception built from a live response reads its body
    public static class WithResponse
    {
        public static async Task Fail(Stream body)
        {
            await Task.Yield();
            throw new ApiException("failed", new Response(body)); // expect: NB0002
        }
    }

    // A request sender in SSH.NET's shape: the callback overload passes no wait handle, and the handle is also captured by
    // the response lambda, so the method tests a closure's copy of the parameter, not the parameter itself.
    public sealed class Session
    {
        public void Write(byte[] data, Action<int> completed) => Write(data, null, completed);
        public void Write(byte[] data, AutoResetEvent wait) => Write(data, wait, null);

        private void Write(byte[] data, AutoResetEvent? wait, Action<int>? completed)
        {
            Send(data, status =>
            {
                if (completed != null) completed(status);
                else wait!.Set();
            });
            if (wait != null) wait.WaitOne();
        }

        private static void Send(byte[] data, Action<int> onResponse) => onResponse(data.Length);
    }

    // case: nulls/a callback request passes no wait handle, captured by a lambda and tested there (SSH.NET's RequestWrite)
    public static class CallbackRequest
    {
        public static async Task Upload(Session session, byte[] data)
        {
            await Task.Yield();
            session.Write(data, status => { });
        }
    }

    // case: nulls/the same request waiting on a handle warns
    public static class WaitingRequest
    {
        public static async Task Upload(Session session, byte[] data)
        {
            await Task.Yield();
            using var wait = new AutoResetEvent(false);
            session.Write(data, wait); // expect: NB0002
        }
    }
}
