namespace Feedback.Ml;

/// <summary>
/// Thread-safe theme prediction for a service, meant to be a singleton. Each call borrows a scoring session from an
/// ObjectPool (scratch buffers for our n-gram models, a PredictionEngine for ML.NET pipelines), so no session is
/// ever shared between threads. Hot reload: the model file is checked every <c>reloadCheckInterval</c> (default
/// 1 s); once a changed file has looked the same on two checks it is loaded and swapped in atomically, and calls
/// in flight finish on the old model. A file that fails to load leaves the old model serving.
/// </summary>
public sealed class ThemeClassifier : IDisposable
{
    private readonly string _path;
    private readonly ITimer _timer;
    private readonly Lock _swap = new();
    private LoadedThemeModel _current;
    private FileStamp? _loaded;
    private FileStamp? _pending;
    private int _checking;
    private volatile bool _disposed;

    private ThemeClassifier(string path, TimeSpan interval, TimeProvider time)
    {
        _path = Path.GetFullPath(path);
        _loaded = FileStamp.Of(_path);
        _current = new LoadedThemeModel(ModelFile.Load(_path));
        _timer = time.CreateTimer(_ => CheckFile(), null, interval, interval);
    }

    /// <summary>Raised after a replaced model file was swapped in.</summary>
    public event Action<ThemeModelInfo>? ModelReloaded;

    /// <summary>Raised when a replaced model file could not be loaded; the previous model keeps serving.</summary>
    public event Action<Exception>? ReloadFailed;

    public string ModelVersion => ModelInfo.Version;

    public ThemeModelInfo ModelInfo => Volatile.Read(ref _current).Model.Info;

    public static ThemeClassifier Load(string modelPath) => Load(modelPath, TimeSpan.FromSeconds(1));

    public static ThemeClassifier Load(string modelPath, TimeSpan reloadCheckInterval, TimeProvider? time = null) =>
        new(modelPath, reloadCheckInterval, time ?? TimeProvider.System);

    public ThemePrediction Predict(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        while (true)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (Volatile.Read(ref _current).TryPredict(text, out var prediction))
                return prediction;
        }
    }

    /// <summary>Checks the model file now instead of waiting for the timer; the debounce still applies.</summary>
    internal void CheckFile()
    {
        if (Interlocked.Exchange(ref _checking, 1) == 1)
            return;
        try
        {
            var stamp = FileStamp.Of(_path);
            if (stamp is null || stamp == _loaded || _disposed)
                return;
            // Wait until the file looks the same on two checks, so a copy in progress is not read half-written.
            if (stamp != _pending)
            {
                _pending = stamp;
                return;
            }
            _loaded = stamp;
            Reload();
        }
        finally
        {
            Volatile.Write(ref _checking, 0);
        }
    }

    private void Reload()
    {
        try
        {
            var model = ModelFile.Load(File.ReadAllBytes(_path), _path);
            if (model.Info.Version == ModelVersion)
                return;
            var loaded = new LoadedThemeModel(model);
            lock (_swap)
            {
                if (_disposed)
                {
                    loaded.Dispose();
                    return;
                }
                Interlocked.Exchange(ref _current, loaded).Dispose();
            }
            ModelReloaded?.Invoke(model.Info);
        }
        catch (Exception e) when (e is ThemeDataException or IOException or UnauthorizedAccessException)
        {
            ReloadFailed?.Invoke(e);
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        lock (_swap)
        {
            _disposed = true;
            _current.Dispose();
        }
    }
}
