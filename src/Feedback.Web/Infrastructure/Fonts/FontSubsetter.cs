using System.Buffers.Binary;
using System.Text;

namespace Feedback.Web.Infrastructure.Fonts;

/// <summary>
/// Builds a TrueType font holding only the given glyphs, renumbered from 0, with a Unicode cmap for them.
/// Skia embeds fonts whole (5 MB for WenQuanYi), so reports and posters hand it a subset instead.
/// </summary>
internal static class FontSubsetter
{
    // Tables copied as they are; the rest (GPOS, GSUB, vmtx, …) are not needed to draw horizontal text.
    private static readonly string[] CopiedTables = ["OS/2", "cvt ", "fpgm", "gasp", "name", "prep"];

    /// <param name="font">A TrueType font or collection.</param>
    /// <param name="faceOffset">Where the face's offset table starts: 0 for a .ttf, the collection's entry for a .ttc.</param>
    /// <param name="glyphsByCodePoint">Glyph ids of the source font for each code point to keep.</param>
    public static byte[] Subset(ReadOnlySpan<byte> font, int faceOffset, IReadOnlyDictionary<int, ushort> glyphsByCodePoint)
    {
        var tables = ReadTableDirectory(font, faceOffset);
        var head = font.Slice(tables["head"].Offset, tables["head"].Length);
        var longLoca = BinaryPrimitives.ReadInt16BigEndian(head[50..]) == 1;
        var glyf = font.Slice(tables["glyf"].Offset, tables["glyf"].Length);
        var loca = font.Slice(tables["loca"].Offset, tables["loca"].Length);

        // Glyph 0 (.notdef) stays first; composite glyphs pull in their components.
        var oldIds = new List<ushort> { 0 };
        var newIds = new Dictionary<ushort, ushort> { [0] = 0 };
        foreach (var glyph in glyphsByCodePoint.Values.Order())
            Keep(glyph, glyf, loca, longLoca, oldIds, newIds);

        var output = new Dictionary<string, byte[]>
        {
            ["head"] = WithLongLoca(head),
            ["hhea"] = WithMetricCount(font.Slice(tables["hhea"].Offset, tables["hhea"].Length), oldIds.Count),
            ["maxp"] = WithGlyphCount(font.Slice(tables["maxp"].Offset, tables["maxp"].Length), oldIds.Count),
            ["hmtx"] = Metrics(font, tables, oldIds),
            ["cmap"] = Cmap(glyphsByCodePoint, newIds),
            ["post"] = PostWithoutNames(font.Slice(tables["post"].Offset, tables["post"].Length)),
        };
        (output["glyf"], output["loca"]) = Glyphs(glyf, loca, longLoca, oldIds, newIds);
        foreach (var tag in CopiedTables.Where(tables.ContainsKey))
            output[tag] = font.Slice(tables[tag].Offset, tables[tag].Length).ToArray();
        return SfntWriter.Write(output);
    }

    /// <summary>The offset table of face <paramref name="index"/> in a .ttc, or 0 for a plain font.</summary>
    public static int FaceOffset(ReadOnlySpan<byte> font, int index) =>
        font[..4].SequenceEqual("ttcf"u8) ? (int)BinaryPrimitives.ReadUInt32BigEndian(font[(12 + 4 * index)..]) : 0;

    private static Dictionary<string, (int Offset, int Length)> ReadTableDirectory(ReadOnlySpan<byte> font, int faceOffset)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(font[(faceOffset + 4)..]);
        var tables = new Dictionary<string, (int, int)>();
        for (var i = 0; i < count; i++)
        {
            var record = font.Slice(faceOffset + 12 + 16 * i, 16);
            tables[Encoding.ASCII.GetString(record[..4])] =
                ((int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]), (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]));
        }
        return tables;
    }

    private static (int Start, int End) GlyphRange(ReadOnlySpan<byte> loca, bool longLoca, int glyph) => longLoca
        ? ((int)BinaryPrimitives.ReadUInt32BigEndian(loca[(4 * glyph)..]), (int)BinaryPrimitives.ReadUInt32BigEndian(loca[(4 * glyph + 4)..]))
        : (2 * BinaryPrimitives.ReadUInt16BigEndian(loca[(2 * glyph)..]), 2 * BinaryPrimitives.ReadUInt16BigEndian(loca[(2 * glyph + 2)..]));

    private static void Keep(ushort glyph, ReadOnlySpan<byte> glyf, ReadOnlySpan<byte> loca, bool longLoca, List<ushort> oldIds, Dictionary<ushort, ushort> newIds)
    {
        if (!newIds.TryAdd(glyph, (ushort)oldIds.Count))
            return;
        oldIds.Add(glyph);
        var (start, end) = GlyphRange(loca, longLoca, glyph);
        foreach (var (_, component) in Components(glyf[start..end]))
            Keep(component, glyf, loca, longLoca, oldIds, newIds);
    }

    /// <summary>The components of a composite glyph: where each one's glyph id sits, and the id.</summary>
    private static List<(int At, ushort Glyph)> Components(ReadOnlySpan<byte> glyph)
    {
        var components = new List<(int, ushort)>();
        if (glyph.Length < 10 || BinaryPrimitives.ReadInt16BigEndian(glyph) >= 0)
            return components;
        for (var at = 10; ; )
        {
            var flags = BinaryPrimitives.ReadUInt16BigEndian(glyph[at..]);
            components.Add((at + 2, BinaryPrimitives.ReadUInt16BigEndian(glyph[(at + 2)..])));
            at += 4 + ((flags & 0x1) != 0 ? 4 : 2) + ((flags & 0x8) != 0 ? 2 : (flags & 0x40) != 0 ? 4 : (flags & 0x80) != 0 ? 8 : 0);
            if ((flags & 0x20) == 0)
                return components;
        }
    }

    private static (byte[] Glyf, byte[] Loca) Glyphs(ReadOnlySpan<byte> glyf, ReadOnlySpan<byte> loca, bool longLoca, List<ushort> oldIds, Dictionary<ushort, ushort> newIds)
    {
        using var data = new MemoryStream();
        var offsets = new byte[4 * (oldIds.Count + 1)];
        for (var i = 0; i < oldIds.Count; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(offsets.AsSpan(4 * i), (uint)data.Length);
            var (start, end) = GlyphRange(loca, longLoca, oldIds[i]);
            var bytes = glyf[start..end].ToArray();
            foreach (var (at, component) in Components(bytes))
                BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(at), newIds[component]);
            data.Write(bytes);
            data.Write(new byte[(4 - bytes.Length % 4) % 4]);
        }
        BinaryPrimitives.WriteUInt32BigEndian(offsets.AsSpan(4 * oldIds.Count), (uint)data.Length);
        return (data.ToArray(), offsets);
    }

    private static byte[] Metrics(ReadOnlySpan<byte> font, Dictionary<string, (int Offset, int Length)> tables, List<ushort> oldIds)
    {
        var metricCount = BinaryPrimitives.ReadUInt16BigEndian(font[(tables["hhea"].Offset + 34)..]);
        var hmtx = font.Slice(tables["hmtx"].Offset, tables["hmtx"].Length);
        var output = new byte[4 * oldIds.Count];
        for (var i = 0; i < oldIds.Count; i++)
        {
            // Glyphs past numberOfHMetrics share the last advance width and store only their side bearing.
            var glyph = oldIds[i];
            var advance = hmtx.Slice(4 * Math.Min(glyph, metricCount - 1), 2);
            var bearing = glyph < metricCount ? hmtx.Slice(4 * glyph + 2, 2) : hmtx.Slice(4 * metricCount + 2 * (glyph - metricCount), 2);
            advance.CopyTo(output.AsSpan(4 * i));
            bearing.CopyTo(output.AsSpan(4 * i + 2));
        }
        return output;
    }

    /// <summary>A format 12 cmap (Windows, Unicode full repertoire): one group per code point.</summary>
    private static byte[] Cmap(IReadOnlyDictionary<int, ushort> glyphsByCodePoint, Dictionary<ushort, ushort> newIds)
    {
        var mapped = glyphsByCodePoint.Where(p => p.Value != 0).OrderBy(p => p.Key).ToList();
        var subtableLength = 16 + 12 * mapped.Count;
        var output = new byte[12 + subtableLength];
        var span = output.AsSpan();
        BinaryPrimitives.WriteUInt16BigEndian(span[2..], 1);
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], 3);
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], 10);
        BinaryPrimitives.WriteUInt32BigEndian(span[8..], 12);
        BinaryPrimitives.WriteUInt16BigEndian(span[12..], 12);
        BinaryPrimitives.WriteUInt32BigEndian(span[16..], (uint)subtableLength);
        BinaryPrimitives.WriteUInt32BigEndian(span[24..], (uint)mapped.Count);
        for (var i = 0; i < mapped.Count; i++)
        {
            var group = span[(28 + 12 * i)..];
            BinaryPrimitives.WriteUInt32BigEndian(group, (uint)mapped[i].Key);
            BinaryPrimitives.WriteUInt32BigEndian(group[4..], (uint)mapped[i].Key);
            BinaryPrimitives.WriteUInt32BigEndian(group[8..], newIds[mapped[i].Value]);
        }
        return output;
    }

    private static byte[] WithLongLoca(ReadOnlySpan<byte> head)
    {
        var copy = head.ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(8), 0); // checkSumAdjustment: not checked by renderers
        BinaryPrimitives.WriteInt16BigEndian(copy.AsSpan(50), 1);
        return copy;
    }

    private static byte[] WithMetricCount(ReadOnlySpan<byte> hhea, int count)
    {
        var copy = hhea.ToArray();
        BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(34), (ushort)count);
        return copy;
    }

    private static byte[] WithGlyphCount(ReadOnlySpan<byte> maxp, int count)
    {
        var copy = maxp.ToArray();
        BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(4), (ushort)count);
        return copy;
    }

    /// <summary>post format 3: no glyph names (half a megabyte in WenQuanYi).</summary>
    private static byte[] PostWithoutNames(ReadOnlySpan<byte> post)
    {
        var copy = post[..32].ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(copy, 0x00030000);
        return copy;
    }
}
