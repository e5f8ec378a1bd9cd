using Npgsql;
using NpgsqlTypes;

namespace Feedback.Web.Data;

// The typed columns. Each takes how to get the row's value (null: no writer sets the column; it keeps its default
// until an update sets it) and how to set it when read (null: not selected). A column's COPY encoder is one closure
// calling the getter and the writer directly, on the import's hot path: two delegate calls a column, a few
// nanoseconds a column more than hand-written code, against microseconds a row for the whole import.
internal sealed partial class TableMap<TRow>
{
    /// <summary>
    /// The primary key, drawn from <paramref name="sequence"/>: COPY writes the id the caller drew, INSERT calls
    /// nextval, which runs after the statement's ORDER BY, so the ids rise with the rows' order; an UPDATE finds
    /// rows by it.
    /// </summary>
    public TableMap<TRow> SequenceId(string name, string sequence, Func<TRow, long> get, Action<TRow, long>? set = null) =>
        Int64(name, get, set).Replace(name, c => c with { InsertValue = $"nextval('{sequence}')" });

    /// <summary>A primary key that the writers leave to its identity default.</summary>
    public TableMap<TRow> Identity(string name, Action<TRow, long>? set = null) =>
        Add(new(name, "bigint") { Read = Reader(set, static (r, i) => r.GetInt64(i)) });

    /// <summary>A column that no writer sets and no reader reads, such as PostgreSQL's <c>xmin</c> row version.</summary>
    public TableMap<TRow> Untouched(string name, string storeType) => Add(new(name, storeType));

    public TableMap<TRow> Int64(string name, Func<TRow, long>? get, Action<TRow, long>? set = null) =>
        Add(name, "bigint", "bigint", NpgsqlDbType.Bigint, get, set, get is null ? null : (c, r) => c.Int64(get(r)), static (r, i) => r.GetInt64(i));

    public TableMap<TRow> NullableInt64(string name, Func<TRow, long?>? get, Action<TRow, long?>? set = null) =>
        Add(name, "bigint", "bigint", NpgsqlDbType.Bigint, get, set, get is null ? null : (c, r) => c.NullableInt64(get(r)),
            static (r, i) => r.IsDBNull(i) ? null : r.GetInt64(i));

    public TableMap<TRow> Int32(string name, Func<TRow, int>? get, Action<TRow, int>? set = null) =>
        Add(name, "integer", "integer", NpgsqlDbType.Integer, get, set, get is null ? null : (c, r) => c.Int32(get(r)),
            static (r, i) => r.GetInt32(i));

    public TableMap<TRow> NullableInt32(string name, Func<TRow, int?>? get, Action<TRow, int?>? set = null) =>
        Add(name, "integer", "integer", NpgsqlDbType.Integer, get, set, get is null ? null : (c, r) => c.NullableInt32(get(r)),
            static (r, i) => r.IsDBNull(i) ? null : r.GetInt32(i));

    public TableMap<TRow> Int16(string name, Func<TRow, short>? get, Action<TRow, short>? set = null) =>
        Add(name, "smallint", "smallint", NpgsqlDbType.Smallint, get, set, get is null ? null : (c, r) => c.Int16(get(r)),
            static (r, i) => r.GetInt16(i));

    public TableMap<TRow> NullableInt16(string name, Func<TRow, short?>? get, Action<TRow, short?>? set = null) =>
        Add(name, "smallint", "smallint", NpgsqlDbType.Smallint, get, set, get is null ? null : (c, r) => c.NullableInt16(get(r)),
            static (r, i) => r.IsDBNull(i) ? null : r.GetInt16(i));

    public TableMap<TRow> Boolean(string name, Func<TRow, bool>? get, Action<TRow, bool>? set = null) =>
        Add(name, "boolean", "boolean", NpgsqlDbType.Boolean, get, set, get is null ? null : (c, r) => c.Boolean(get(r)),
            static (r, i) => r.GetBoolean(i));

    public TableMap<TRow> Real(string name, Func<TRow, float?>? get, Action<TRow, float?>? set = null) =>
        Add(name, "real", "real", NpgsqlDbType.Real, get, set, get is null ? null : (c, r) => c.Float4(get(r)),
            static (r, i) => r.IsDBNull(i) ? null : r.GetFloat(i));

    /// <summary><c>text</c> or <c>character varying(n)</c>: the length is the EF model's business, and a too long value is refused there.</summary>
    public TableMap<TRow> Text(string name, Func<TRow, string?>? get, Action<TRow, string?>? set = null) =>
        Add(name, "text", "text", NpgsqlDbType.Text, get, set, get is null ? null : (c, r) => c.Text(get(r)),
            static (r, i) => r.IsDBNull(i) ? null : r.GetString(i));

    public TableMap<TRow> Bytes(string name, Func<TRow, byte[]?>? get, Action<TRow, byte[]?>? set = null) =>
        Add(name, "bytea", "bytea", NpgsqlDbType.Bytea, get, set, get is null ? null : (c, r) => c.Bytes(get(r)),
            static (r, i) => r.IsDBNull(i) ? null : r.GetFieldValue<byte[]>(i));

    public TableMap<TRow> Timestamp(string name, Func<TRow, DateTimeOffset>? get, Action<TRow, DateTimeOffset>? set = null) =>
        Add(name, "timestamp with time zone", "timestamptz", NpgsqlDbType.TimestampTz, get, set, get is null ? null : (c, r) => c.Timestamp(get(r)),
            static (r, i) => r.GetFieldValue<DateTimeOffset>(i), static v => v.UtcDateTime);

    public TableMap<TRow> NullableTimestamp(string name, Func<TRow, DateTimeOffset?>? get, Action<TRow, DateTimeOffset?>? set = null) =>
        Add(name, "timestamp with time zone", "timestamptz", NpgsqlDbType.TimestampTz, get, set, get is null ? null : (c, r) => c.NullableTimestamp(get(r)),
            static (r, i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i), static v => v?.UtcDateTime);

    /// <summary>
    /// A <c>smallint[]</c> column: its INSERT parameter is a text array of comma-joined values, because an array of
    /// arrays would be a two-dimensional array to unnest, which unnest flattens.
    /// </summary>
    public TableMap<TRow> Int16Array(string name, Func<TRow, short[]>? get, Action<TRow, short[]>? set = null) =>
        Add(name, "smallint[]", "text", NpgsqlDbType.Text, get, set, get is null ? null : (c, r) => c.Int16Array(get(r)),
            static (r, i) => r.GetFieldValue<short[]>(i), static v => string.Join(',', v), "string_to_array(@, ',')::smallint[]");

    private TableMap<TRow> Add<T>(string name, string storeType, string parameterType, NpgsqlDbType type, Func<TRow, T>? get,
        Action<TRow, T>? set, Action<PgBinaryRows, TRow>? encode, Func<NpgsqlDataReader, int, T> read) =>
        Add(name, storeType, parameterType, type, get, set, encode, read, static v => v);

    private TableMap<TRow> Add<T, TParameter>(string name, string storeType, string parameterType, NpgsqlDbType type, Func<TRow, T>? get,
        Action<TRow, T>? set, Action<PgBinaryRows, TRow>? encode, Func<NpgsqlDataReader, int, T> read, Func<T, TParameter> parameter,
        string template = "@") => Add(new(name, storeType)
    {
        ParameterType = parameterType,
        Template = template,
        Encode = encode,
        Parameter = get is null ? null : rows =>
        {
            var values = new TParameter[rows.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = parameter(get(rows[i]));
            }
            return new NpgsqlParameter { Value = values, NpgsqlDbType = NpgsqlDbType.Array | type };
        },
        Read = Reader(set, read),
    });

    private static Action<NpgsqlDataReader, int, TRow>? Reader<T>(Action<TRow, T>? set, Func<NpgsqlDataReader, int, T> read) =>
        set is null ? null : (reader, i, row) => set(row, read(reader, i));
}
