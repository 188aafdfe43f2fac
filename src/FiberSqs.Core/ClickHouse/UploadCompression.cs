using FiberSqs.Core.Validation;

namespace FiberSqs.Core.ClickHouse;

/// <summary>How request bodies are compressed.</summary>
internal enum UploadCompression
{
    /// <summary>gzip for a remote server, none on loopback (where compressing costs more CPU than it saves).</summary>
    Auto,
    None,
    Gzip,
}
