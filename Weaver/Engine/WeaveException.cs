using System;

namespace NonBlocking.Weaver
{
    /// <summary>A failure with a coded, user-facing message; the pipeline turns it into an error diagnostic.</summary>
    internal sealed class WeaveException : Exception
    {
        public WeaveException(string code, string message, Exception? inner = null) : base(message, inner)
        {
            Code = code;
        }

        public string Code { get; }
    }
}
