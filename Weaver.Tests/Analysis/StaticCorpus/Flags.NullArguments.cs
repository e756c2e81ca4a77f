// A null argument decides a branch as a bool flag does: Minio's MinioException(message) is this(message, null), and its
// message builder reads the server response's body only when there is one. Look-alike: the same builder handed a
// live response reads it.
using System.IO;
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
}
