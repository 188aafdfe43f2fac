using System.Buffers.Binary;
using System.Text;

namespace FiberSqs.Core.Tests.NativeLoad;

/// <summary>Reads Native blocks back (as the server would): per block, each column's name, type and values, decoded
/// by type (String, Nullable(String), Float64, Int64, DateTime, DateTime64). The tests' own reader, written from the
/// format's description, so the encoder is not checked against itself.</summary>
internal static class NativeReader
{
    internal sealed record Column(string Name, string Type, List<object?> Values);

    public static List<List<Column>> Read(byte[] data)
    {
        var blocks = new List<List<Column>>();
        var at = 0;
        while (at < data.Length)
        {
            var columns = (int)VarUInt(data, ref at);
            var rows = (int)VarUInt(data, ref at);
            var block = new List<Column>();
            for (var c = 0; c < columns; c++)
            {
                var name = Text(data, ref at);
                var type = Text(data, ref at);
                var values = new List<object?>(rows);
                bool[]? nulls = null;
                var inner = type;
                if (type.StartsWith("Nullable(", StringComparison.Ordinal))
                {
                    nulls = new bool[rows];
                    for (var r = 0; r < rows; r++)
                    {
                        nulls[r] = data[at++] != 0;
                    }

                    inner = type["Nullable(".Length..^1];
                }

                for (var r = 0; r < rows; r++)
                {
                    object value = inner switch
                    {
                        "String" => Text(data, ref at),
                        "Float64" => BinaryPrimitives.ReadDoubleLittleEndian(Take(data, ref at, 8)),
                        "Int64" => BinaryPrimitives.ReadInt64LittleEndian(Take(data, ref at, 8)),
                        "DateTime('UTC')" => DateTime.UnixEpoch.AddSeconds(BinaryPrimitives.ReadUInt32LittleEndian(Take(data, ref at, 4))),
                        "DateTime64(6, 'UTC')" => DateTime.UnixEpoch.AddTicks(BinaryPrimitives.ReadInt64LittleEndian(Take(data, ref at, 8)) * 10),
                        _ => throw new InvalidDataException($"type {inner}"),
                    };
                    values.Add(nulls is not null && nulls[r] ? null : value);
                }

                block.Add(new Column(name, type, values));
            }

            blocks.Add(block);
        }

        return blocks;
    }

    private static ReadOnlySpan<byte> Take(byte[] data, ref int at, int n)
    {
        var span = data.AsSpan(at, n);
        at += n;
        return span;
    }

    private static string Text(byte[] data, ref int at)
    {
        var length = (int)VarUInt(data, ref at);
        var s = Encoding.UTF8.GetString(data, at, length);
        at += length;
        return s;
    }

    private static ulong VarUInt(byte[] data, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = data[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
    }
}
