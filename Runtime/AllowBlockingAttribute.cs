using System;

namespace NonBlocking
{
    /// <summary>
    /// Opts code out of NonBlocking: async methods under this attribute get no probes and no build warnings.
    /// Put it on a method, a type (covers its nested types and lambdas) or the assembly.
    /// </summary>
    [AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Struct |
                    AttributeTargets.Method | AttributeTargets.Constructor, Inherited = false)]
    public sealed class AllowBlockingAttribute : Attribute
    {
        /// <summary>Opts out without giving a reason.</summary>
        public AllowBlockingAttribute() { }

        /// <summary>Opts out, recording why blocking is acceptable here.</summary>
        /// <param name="reason">Free text for the reader of the code; not used by the tool.</param>
        public AllowBlockingAttribute(string reason) { Reason = reason; }

        /// <summary>Why blocking is acceptable here, if the author said.</summary>
        public string? Reason { get; }
    }
}
