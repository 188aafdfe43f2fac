using System.Globalization;
using System.Text;

namespace FiberSqs.Core.Safety;

/// <summary>
/// Text that came from outside (a server's reply, a file name, a header line) made safe to print: control and
/// escape characters (which a terminal would obey: colours, titles, cursor moves), C1 controls and bidirectional
/// overrides are shown as <c>\u001b</c>-style escapes, and the text is clipped to a length.
/// </summary>
internal static class UntrustedText
{
    public static string Escape(string? text, int max = int.MaxValue)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var clipped = text.Length > max;
        var source = clipped ? text[..max] : text;
        StringBuilder? sb = null;
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (!IsUnsafe(c))
            {
                sb?.Append(c);
                continue;
            }

            sb ??= new StringBuilder(source, 0, i, source.Length + 16);
            sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
        }

        var result = sb?.ToString() ?? source;
        return clipped ? result + "..." : result;
    }

    /// <summary>True for characters a terminal acts on or that reorder what is shown.</summary>
    public static bool IsUnsafe(char c) =>
        char.IsControl(c) || c is (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069') or '\u200e' or '\u200f' or '\u061c';
}
