using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.ML;

namespace Feedback.Ml;

/// <summary>
/// Model files are zips holding a JSON description plus either our character n-gram model or, for FeaturizeText
/// pipelines, ML.NET's own model entries. Files are read whole, so the version hash and the model always match.
/// </summary>
internal static class ModelFile
{
    private const string InfoEntry = "feedback/model-info.json";
    private const string NativeEntry = "feedback/char-ngram-model.bin";

    public static void Save(TrainedThemeModel model, string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = $"{full}.tmp-{Guid.NewGuid():N}";
        try
        {
            using (var stream = File.Create(temp))
                Write(model, stream);
            // Rename last, so a service watching the path never reads a half-written model.
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public static TrainedThemeModel Load(string path)
    {
        if (!File.Exists(path))
            throw new ThemeDataException($"model file not found: {path}");
        return Load(File.ReadAllBytes(path), path);
    }

    public static TrainedThemeModel Load(byte[] bytes, string path)
    {
        var version = Convert.ToHexStringLower(SHA256.HashData(bytes))[..12];
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            var info = ReadInfo(zip) ?? new ThemeModelInfo("unknown", [], 0, DateTimeOffset.MinValue);
            using var native = zip.GetEntry(NativeEntry)?.Open();
            ThemeScorer scorer = native is null ? LoadMlNet(bytes) : NativeModelFormat.Read(native);
            return new TrainedThemeModel(scorer, info with { Version = version });
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or FormatException
                                      or ArgumentException or EndOfStreamException or JsonException)
        {
            throw new ThemeDataException($"{path} is not a readable theme model: {e.Message}");
        }
    }

    private static void Write(TrainedThemeModel model, Stream stream)
    {
        if (model.Scorer is MlNetScorer mlNet)
        {
            mlNet.Context.Model.Save(mlNet.Transformer, mlNet.Context.Data.LoadFromEnumerable(Array.Empty<TextRow>()).Schema, stream);
            stream.Position = 0;
        }
        using var zip = new ZipArchive(stream, model.Scorer is MlNetScorer ? ZipArchiveMode.Update : ZipArchiveMode.Create, leaveOpen: true);
        using (var info = zip.CreateEntry(InfoEntry).Open())
            JsonSerializer.Serialize(info, model.Info with { Version = "" }, MetricsJson.Options);
        if (model.Scorer is NativeScorer native)
        {
            using var entry = zip.CreateEntry(NativeEntry, CompressionLevel.Fastest).Open();
            NativeModelFormat.Write(native, entry);
        }
    }

    private static MlNetScorer LoadMlNet(byte[] bytes)
    {
        var ml = new MLContext(seed: 1);
        ml.ComponentCatalog.RegisterAssembly(typeof(NormalizeTextMapping).Assembly);
        return new MlNetScorer(ml, ml.Model.Load(new MemoryStream(bytes, writable: false), out _));
    }

    private static ThemeModelInfo? ReadInfo(ZipArchive zip)
    {
        using var stream = zip.GetEntry(InfoEntry)?.Open();
        return stream is null ? null : JsonSerializer.Deserialize<ThemeModelInfo>(stream, MetricsJson.Options);
    }
}
