namespace CapsuleGen.Ownership;

/// <summary>Reference counts that, once at zero, never rise again: what was given back stays given back.</summary>
internal static class ReferenceCounts
{
    /// <summary>Adds one to <paramref name="count"/> unless it is zero; false if it was.</summary>
    public static bool TryIncrement(ref long count)
    {
        long seen = Volatile.Read(ref count);
        while (seen > 0)
        {
            long before = Interlocked.CompareExchange(ref count, seen + 1, seen);
            if (before == seen)
            {
                return true;
            }

            seen = before;
        }

        return false;
    }
}
