namespace FiberSqs.Core.ClickHouse.NativeLoad;

/// <summary>Reading back a Native string (its length as a variable-length integer, then its bytes).</summary>
internal static class NativeStrings
{
    /// <summary>The bytes of the string whose length starts at <paramref name="offset"/>.</summary>
    public static ReadOnlySpan<byte> At(ReadOnlySpan<byte> data, int offset)
    {
        var length = ReadLength(data, ref offset);
        return data.Slice(offset, length);
    }

    /// <summary>The bytes the string at <paramref name="offset"/> takes, its length prefix included.</summary>
    public static int Size(ReadOnlySpan<byte> data, int offset)
    {
        var start = offset;
        var length = ReadLength(data, ref offset);
        return offset - start + length;
    }

    private static int ReadLength(ReadOnlySpan<byte> data, ref int offset)
    {
        var length = 0;
        var shift = 0;
        byte b;
        do
        {
            b = data[offset++];
            length |= (b & 0x7F) << shift;
            shift += 7;
        }
        while ((b & 0x80) != 0);

        return length;
    }
}
