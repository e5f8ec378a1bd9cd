using System.Buffers.Binary;
using System.Text;

namespace Feedback.Web.Infrastructure.Fonts;

/// <summary>Writes a TrueType (sfnt) file from its tables: the table directory, checksums and 4-byte alignment.</summary>
internal static class SfntWriter
{
    public static byte[] Write(Dictionary<string, byte[]> tables)
    {
        var tags = tables.Keys.Order(StringComparer.Ordinal).ToList();
        var selector = (int)Math.Floor(Math.Log2(tags.Count));
        var header = new byte[12 + 16 * tags.Count];
        BinaryPrimitives.WriteUInt32BigEndian(header, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(4), (ushort)tags.Count);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(6), (ushort)(16 << selector));
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(8), (ushort)selector);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(10), (ushort)(16 * tags.Count - (16 << selector)));
        using var output = new MemoryStream();
        output.Write(header);
        for (var i = 0; i < tags.Count; i++)
        {
            var bytes = tables[tags[i]];
            var record = header.AsSpan(12 + 16 * i);
            Encoding.ASCII.GetBytes(tags[i], record);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], Checksum(bytes));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)output.Length);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)bytes.Length);
            output.Write(bytes);
            output.Write(new byte[(4 - bytes.Length % 4) % 4]);
        }
        output.Position = 0;
        output.Write(header);
        return output.ToArray();
    }

    private static uint Checksum(byte[] table)
    {
        uint sum = 0;
        Span<byte> word = stackalloc byte[4];
        for (var i = 0; i < table.Length; i += 4)
        {
            word.Clear();
            table.AsSpan(i, Math.Min(4, table.Length - i)).CopyTo(word);
            sum += BinaryPrimitives.ReadUInt32BigEndian(word);
        }
        return sum;
    }
}
