namespace NonBlocking.Weaver.Analyse.Flags
{
    /// <summary>
    /// Which comparisons of an int with a constant its positivity decides, for the positive-int flag (the engine's
    /// PositiveFlags, the analyzer's FlagGuards): <c>p &gt; 0</c>, <c>p &gt;= 1</c>, <c>p &lt;= 0</c>, <c>p &lt; 1</c>,
    /// either way round — never <c>p == 0</c>, which a negative value (an infinite timeout) answers otherwise.
    /// Shared by the engine (IL) and the analyzer (source).
    /// </summary>
    internal static class PositiveComparisons
    {
        /// <summary>
        /// For <c>p op constant</c> (or <c>constant op p</c> with <paramref name="constantFirst"/>), with <paramref name="op"/>
        /// one of <c>&gt;</c>, <c>&gt;=</c>, <c>&lt;</c>, <c>&lt;=</c>: whether it holds when p is positive; null when
        /// positivity does not decide it.
        /// </summary>
        public static bool? WhenPositive(string op, int constant, bool constantFirst)
        {
            if (constantFirst) op = op switch { ">" => "<", "<" => ">", ">=" => "<=", "<=" => ">=", _ => op };
            return (op, constant) switch
            {
                (">", 0) => true,
                (">=", 1) => true,
                ("<=", 0) => false,
                ("<", 1) => false,
                _ => (bool?)null,
            };
        }
    }
}
