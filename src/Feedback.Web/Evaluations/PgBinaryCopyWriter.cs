using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Npgsql;

namespace Feedback.Web.Evaluations;

/// <summary>
/// PostgreSQL's binary COPY format written straight into a pooled buffer, flushed to a raw COPY stream in large
/// blocks. Measured: Npgsql's per-field <c>NpgsqlBinaryImporter.Write</c> cost the import several µs a row (each field
/// is resolved and converted on its own); this writes the same bytes for a fraction of that. Only the types the
/// import needs (its evaluations, cases, audit lines and notifications); the format is in PostgreSQL's
/// docs, "COPY", "Binary Format".
/// </summary>
internal sealed class PgBinaryCopyWriter : IAsyncDisposable
{
    private const int FlushAt = 1 << 16;
    private const int Int2Oid = 21;
    private static readonly long PostgresEpochTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
    // "PGCOPY\n\377\r\n\0": not a u8 literal, whose \xff would be two UTF-8 bytes.
    private static ReadOnlySpan<byte> Signature => [0x50, 0x47, 0x43, 0x4F, 0x50, 0x59, 0x0A, 0xFF, 0x0D, 0x0A, 0x00];

    private readonly Stream _destination;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(FlushAt * 2);
    private int _length;

    private PgBinaryCopyWriter(Stream destination) => _destination = destination;

    /// <summary>Starts <c>COPY target FROM STDIN (FORMAT BINARY)</c>; <see cref="DisposeAsync"/> ends it.</summary>
    /// <param name="target">The table and its column list, in the order the rows write them.</param>
    public static async Task<PgBinaryCopyWriter> StartAsync(NpgsqlConnection connection, string target, CancellationToken ct)
    {
        var writer = new PgBinaryCopyWriter(await connection.BeginRawBinaryCopyAsync($"COPY {target} FROM STDIN (FORMAT BINARY)", ct));
        writer.WriteHeader();
        return writer;
    }

    private void WriteHeader()
    {
        Signature.CopyTo(Reserve(Signature.Length + 8));
        _length += Signature.Length;
        Int32Raw(0); // flags
        Int32Raw(0); // header extension length
    }

    /// <summary>Starts a row; flushes first when the buffer is full enough.</summary>
    public async ValueTask StartRowAsync(short columns, CancellationToken ct)
    {
        if (_length >= FlushAt)
        {
            await FlushAsync(ct);
        }
        BinaryPrimitives.WriteInt16BigEndian(Reserve(2), columns);
        _length += 2;
    }

    public async ValueTask CompleteAsync(CancellationToken ct)
    {
        BinaryPrimitives.WriteInt16BigEndian(Reserve(2), -1);
        _length += 2;
        await FlushAsync(ct);
    }

    public void Null() => Int32Raw(-1);

    public void Int64(long value)
    {
        Int32Raw(8);
        BinaryPrimitives.WriteInt64BigEndian(Reserve(8), value);
        _length += 8;
    }

    public void NullableInt64(long? value)
    {
        if (value is { } v) Int64(v);
        else Null();
    }

    public void Int16(short value)
    {
        Int32Raw(2);
        BinaryPrimitives.WriteInt16BigEndian(Reserve(2), value);
        _length += 2;
    }

    public void Boolean(bool value)
    {
        Int32Raw(1);
        Reserve(1)[0] = value ? (byte)1 : (byte)0;
        _length++;
    }

    public void Float4(float? value)
    {
        if (value is not { } v)
        {
            Null();
            return;
        }
        Int32Raw(4);
        BinaryPrimitives.WriteSingleBigEndian(Reserve(4), v);
        _length += 4;
    }

    public void Text(string? value)
    {
        if (value is null)
        {
            Null();
            return;
        }
        var target = Reserve(4 + Encoding.UTF8.GetMaxByteCount(value.Length));
        var written = Encoding.UTF8.GetBytes(value, target[4..]);
        BinaryPrimitives.WriteInt32BigEndian(target, written);
        _length += 4 + written;
    }

    public void Bytes(byte[]? value)
    {
        if (value is null)
        {
            Null();
            return;
        }
        Int32Raw(value.Length);
        value.CopyTo(Reserve(value.Length));
        _length += value.Length;
    }

    /// <summary>timestamptz: microseconds since 2000-01-01 UTC (values are already at microsecond precision).</summary>
    public void Timestamp(DateTimeOffset value) => Int64((value.UtcTicks - PostgresEpochTicks) / 10);

    public void Int16Array(short[] values)
    {
        ArrayHeader(values.Length, Int2Oid, values.Length * 6);
        foreach (var value in values)
        {
            Int16(value);
        }
    }

    public void Int32(int value)
    {
        Int32Raw(4);
        Int32Raw(value);
    }

    public async ValueTask DisposeAsync()
    {
        await _destination.DisposeAsync();
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    /// <summary>One dimension, lower bound 1, no nulls; an empty array has no dimension.</summary>
    private void ArrayHeader(int count, int elementOid, int elementBytes)
    {
        Int32Raw((count == 0 ? 12 : 20) + elementBytes);
        Int32Raw(count == 0 ? 0 : 1);
        Int32Raw(0);
        Int32Raw(elementOid);
        if (count > 0)
        {
            Int32Raw(count);
            Int32Raw(1);
        }
    }

    private void Int32Raw(int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(Reserve(4), value);
        _length += 4;
    }

    private Span<byte> Reserve(int bytes)
    {
        if (_length + bytes > _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + bytes));
            _buffer.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
        return _buffer.AsSpan(_length, bytes);
    }

    private async ValueTask FlushAsync(CancellationToken ct)
    {
        await _destination.WriteAsync(_buffer.AsMemory(0, _length), ct);
        _length = 0;
    }
}
