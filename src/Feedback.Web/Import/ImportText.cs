using System.Text;

namespace Feedback.Web.Import;

/// <summary>How an import file's bytes become text: UTF-8, with invalid bytes made visible to the reader.</summary>
internal static class ImportText
{
    /// <summary>
    /// Invalid bytes decode to <see cref="LineReader.Invalid"/> rather than U+FFFD, which a valid file may hold: the
    /// row is then refused instead of storing 'IMPU�5' as a case number. A BOM is skipped by the readers (it decodes
    /// to U+FEFF), not by the StreamReader, whose BOM detection would swap this decoder for a lenient one.
    /// </summary>
    public static readonly Encoding Utf8 = Encoding.GetEncoding(
        "utf-8", EncoderFallback.ReplacementFallback, new DecoderReplacementFallback(LineReader.Invalid.ToString()));

    public static StreamReader Open(Stream stream) => new(stream, Utf8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
}
