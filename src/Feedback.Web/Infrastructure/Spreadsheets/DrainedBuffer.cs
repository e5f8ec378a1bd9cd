namespace Feedback.Web.Infrastructure.Spreadsheets;

/// <summary>
/// A write-only stream that keeps what is written in memory until <see cref="DrainAsync"/> passes it on to the output.
/// <see cref="System.IO.Compression.ZipArchive"/> closes its entries and writes its central directory with synchronous
/// writes, which an HTTP response refuses; the archive writes here instead, and the writer drains the buffer
/// asynchronously between rows, so it never holds more than a few compressed rows.
/// </summary>
internal sealed class DrainedBuffer(Stream output) : Stream
{
    private readonly MemoryStream _pending = new();
    private long _written;

    public long Pending => _pending.Length;

    public async Task DrainAsync(CancellationToken ct)
    {
        if (_pending.Length == 0)
            return;
        await output.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), ct);
        _pending.SetLength(0);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _pending.Write(buffer);
        _written += buffer.Length;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    // The zip writer asks where it stands to record each entry's offset; it never seeks.
    public override long Position { get => _written; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
