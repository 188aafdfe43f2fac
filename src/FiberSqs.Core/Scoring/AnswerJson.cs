using System.Text.Json;
using FiberSqs.Core.Files;
using FiberSqs.Core.Safety;

namespace FiberSqs.Core.Scoring;

/// <summary>An answer written as a JSON object (a team's file): its members as fields for <see cref="AnswerReader"/>,
/// with strings, numbers and arrays as they are. Read with a bound: an answer is a few hundred bytes.</summary>
internal static class AnswerJson
{
    public const long MaxFileBytes = 1L << 20;

    /// <exception cref="AnswerInvalidException">The file is missing or unreadable, or not a JSON object.</exception>
    public static IReadOnlyList<KeyValuePair<string, object?>> ReadFile(string path)
    {
        string text;
        try
        {
            using var stream = BoundedFile.OpenRead(path, MaxFileBytes, "an answer");
            using var reader = new StreamReader(stream);
            text = reader.ReadToEnd();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new AnswerInvalidException(AnswerFields.WholeAnswer, $"the file '{UntrustedText.Escape(path, 300)}' cannot be read: {UntrustedText.Escape(e.Message, 300)}", e)
            {
                Unreadable = e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException,
            };
        }

        return Read(text, $"the file '{UntrustedText.Escape(path, 300)}'");
    }

    /// <param name="text">The JSON text.</param>
    /// <param name="source">What the text is, for messages ("the file './team.json'").</param>
    public static IReadOnlyList<KeyValuePair<string, object?>> Read(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new AnswerInvalidException(AnswerFields.WholeAnswer, $"{source} holds a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}, not an object such as {{\"Team\": \"red\", \"RootCauseKind\": \"network\", ...}}.");
            }

            return [.. document.RootElement.EnumerateObject().Select(p => new KeyValuePair<string, object?>(p.Name, Value(p.Value, p.Name)))];
        }
        catch (JsonException e)
        {
            throw new AnswerInvalidException(AnswerFields.WholeAnswer, $"{source} is not JSON: {UntrustedText.Escape(e.Message, 200)}", e);
        }
    }

    private static object? Value(JsonElement e, string field) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.TryGetInt64(out var n) ? n : e.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => e.EnumerateArray().Select(i => Value(i, field)).ToList(),
        // A key that names no field is only reported as ignored, whatever it holds.
        JsonValueKind.Object => AnswerFields.Canonical(field) is { } known
            ? throw new AnswerInvalidException(known, "holds an object; give a value (text, a number or a list).")
            : null,
        _ => null,
    };
}
