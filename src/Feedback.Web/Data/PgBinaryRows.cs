using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Npgsql;

namespace Feedback.Web.Data;

/// <summary>
/// Rows in PostgreSQL's binary COPY format, encoded into one pooled buffer and sent by <see cref="CopyAsync"/>.
/// Npgsql's per-field <c>NpgsqlBinaryImporter.Write</c> resolves and converts each field on its own, which cost the
/// import several times its own work per row (docs/benchmarks.md); this writes the same bytes directly. Encoding ahead of the COPY
/// also lets the import hold a waiting chunk as bytes rather than as objects the GC must trace and promote. Only
/// the types the column maps need; the format is in PostgreSQL's docs, "COPY", "Binary Format".
/// </summary>
internal sealed class PgBinaryRows : IDisposable
{
    private const int Int2Oid = 21;
    private static readonly long PostgresEpochTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
    // "PGCOPY\n\377\r\n\0", flags 0, header extension length 0: not a u8 literal, whose \xff would be two UTF-8 bytes.
    private static readonly byte[] Header = [0x50, 0x47, 0x43, 0x4F, 0x50, 0x59, 0x0A, 0xFF, 0x0D, 0x0A, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];
    private static readonly byte[] Trailer = [0xFF, 0xFF];

    private byte[] _buffer;
    private int _length;
    private readonly List<int> _rowStarts = [];

    public PgBinaryRows(int initialBytes = 1 << 12) => _buffer = ArrayPool<byte>.Shared.Rent(initialBytes);

    public int Count => _rowStarts.Count;

    /// <summary>Row <paramref name="index"/>'s bytes: its field count, then each field's length and value.</summary>
    public Span<byte> Row(int index) => RowMemory(index).Span;

    private Memory<byte> RowMemory(int index) =>
        _buffer.AsMemory(_rowStarts[index], (index + 1 < _rowStarts.Count ? _rowStarts[index + 1] : _length) - _rowStarts[index]);

    public void StartRow(short columns)
    {
        _rowStarts.Add(_length);
        BinaryPrimitives.WriteInt16BigEndian(Reserve(2), columns);
        _length += 2;
    }

    public void Clear()
    {
        _rowStarts.Clear();
        _length = 0;
    }

    /// <summary>Runs <c>COPY target FROM STDIN (FORMAT BINARY)</c> with every row, or only the listed ones.</summary>
    /// <param name="target">The table and its column list, in the order the rows write them.</param>
    public async Task CopyAsync(NpgsqlConnection connection, string target, ArraySegment<int>? only, CancellationToken ct)
    {
        await using var stream = await connection.BeginRawBinaryCopyAsync($"COPY {target} FROM STDIN (FORMAT BINARY)", ct);
        await stream.WriteAsync(Header, ct);
        if (only is not { } rows)
        {
            await stream.WriteAsync(_buffer.AsMemory(0, _length), ct);
        }
        else
        {
            foreach (var row in rows)
            {
                await stream.WriteAsync(RowMemory(row), ct);
            }
        }
        await stream.WriteAsync(Trailer, ct);
    }

    public Task CopyAsync(NpgsqlConnection connection, string target, CancellationToken ct) => CopyAsync(connection, target, null, ct);

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

    public void NullableInt16(short? value)
    {
        if (value is { } v) Int16(v);
        else Null();
    }

    public void Int32(int value)
    {
        Int32Raw(4);
        Int32Raw(value);
    }

    public void NullableInt32(int? value)
    {
        if (value is { } v) Int32(v);
        else Null();
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

    public void NullableTimestamp(DateTimeOffset? value)
    {
        if (value is { } v) Timestamp(v);
        else Null();
    }

    /// <summary>One dimension, lower bound 1, no nulls; an empty array has no dimension.</summary>
    public void Int16Array(short[] values)
    {
        var count = values.Length;
        Int32Raw((count == 0 ? 12 : 20) + count * 6);
        Int32Raw(count == 0 ? 0 : 1);
        Int32Raw(0);
        Int32Raw(Int2Oid);
        if (count > 0)
        {
            Int32Raw(count);
            Int32Raw(1);
        }
        foreach (var value in values)
        {
            Int16(value);
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
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
}
