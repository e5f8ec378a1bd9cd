using System.Runtime.InteropServices;

namespace Feedback.Ml;

/// <summary>Binary layout of a <see cref="NativeScorer"/>: little-endian arrays read in one block each, so a model loads in milliseconds.</summary>
internal static class NativeModelFormat
{
    private const int Magic = 0x4D544246; // "FBTM"
    // Version 2 adds a flags word after the n-gram length (bit 0: negation scopes); version 3 flag bit 1, lexicon
    // categories: one signed byte per feature and the scale, after the IDF. Version 1 and 2 files still load.
    private const int FormatVersion = 3;

    public static void Write(NativeScorer scorer, Stream stream)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        var (featurizer, model) = (scorer.Featurizer, scorer.Model);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(featurizer.MaxLength);
        writer.Write((featurizer.Negation ? 1 : 0) | (featurizer.Lexicon is null ? 0 : 2));
        writer.Write(featurizer.FeatureCount);
        writer.Write(model.ClassCount);
        foreach (var label in scorer.Labels)
            writer.Write(label);
        WriteArray(writer, featurizer.Keys);
        WriteArray(writer, featurizer.Idf);
        if (featurizer.Lexicon is { } lexicon)
        {
            WriteArray(writer, lexicon);
            writer.Write(featurizer.LexiconScale);
        }
        WriteArray(writer, model.Weights);
        WriteArray(writer, model.Bias);
        // Once a flag for one-versus-all calibration, a trainer since dropped; kept so that old files load.
        writer.Write(false);
    }

    public static NativeScorer Read(Stream stream)
    {
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        var (magic, version) = (reader.ReadInt32(), reader.ReadInt32());
        if (magic != Magic || version is < 1 or > FormatVersion)
            throw new InvalidDataException("unknown character n-gram model format");
        var maxLength = reader.ReadInt32();
        var flags = version >= 2 ? reader.ReadInt32() : 0;
        var features = reader.ReadInt32();
        var classes = reader.ReadInt32();
        var labels = Enumerable.Range(0, classes).Select(_ => reader.ReadString()).ToArray();
        var (keys, idf) = (ReadArray<ulong>(reader, features), ReadArray<float>(reader, features));
        var lexicon = (flags & 2) != 0 ? ReadArray<sbyte>(reader, features) : null;
        var scale = lexicon is null ? 0 : reader.ReadSingle();
        var featurizer = new CharNgramFeaturizer(maxLength, keys, idf, (flags & 1) != 0, lexicon, scale);
        var weights = ReadArray<float>(reader, features * classes);
        var bias = ReadArray<float>(reader, classes);
        if (reader.ReadBoolean())
            throw new InvalidDataException("a one-versus-all model: that trainer is no longer supported, train the model again");
        return new NativeScorer(featurizer, new LinearModel(classes, weights, bias), labels);
    }

    private static void WriteArray<T>(BinaryWriter writer, T[] values) where T : unmanaged =>
        writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));

    private static T[] ReadArray<T>(BinaryReader reader, int count) where T : unmanaged
    {
        var values = new T[count];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }
}
