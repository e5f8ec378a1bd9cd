using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.ML;

namespace Feedback.Ml;

/// <summary>Model files: ML.NET's zip plus one JSON entry describing the model, written and read whole.</summary>
internal static class ModelFile
{
    private const string InfoEntry = "feedback/model-info.json";

    public static void Save(TrainedThemeModel model, string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            using (var stream = File.Create(temp))
            {
                model.Context.Model.Save(model.Transformer, model.Context.Data.LoadFromEnumerable(Array.Empty<TextRow>()).Schema, stream);
                stream.Position = 0;
                using var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true);
                using var entry = zip.CreateEntry(InfoEntry).Open();
                JsonSerializer.Serialize(entry, model.Info with { Version = "" }, MetricsJson.Options);
            }
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
        var ml = new MLContext(seed: 1);
        ml.ComponentCatalog.RegisterAssembly(typeof(NormalizeTextMapping).Assembly);
        try
        {
            var transformer = ml.Model.Load(new MemoryStream(bytes, writable: false), out _);
            var info = ReadInfo(bytes) ?? new ThemeModelInfo("unknown", [], 0, DateTimeOffset.MinValue);
            return new TrainedThemeModel(ml, transformer, info with { Version = version });
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new ThemeDataException($"{path} is not a readable theme model: {e.Message}");
        }
    }

    private static ThemeModelInfo? ReadInfo(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        using var stream = zip.GetEntry(InfoEntry)?.Open();
        return stream is null ? null : JsonSerializer.Deserialize<ThemeModelInfo>(stream, MetricsJson.Options);
    }
}
