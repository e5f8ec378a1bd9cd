using Npgsql;

namespace Feedback.Web.Data;

/// <summary>
/// The columns of one table, once, for the writers and readers that bypass EF on the hot paths: the
/// <c>INSERT … FROM unnest</c> statement and its parameters, the binary COPY target and encoder, and the SELECT list
/// and its reader are all derived from this list, so a column is added here and in the EF model (a test compares the
/// two), nowhere else. Built once; the per-row work is a delegate call per column, with no reflection.
/// The typed ways to add a column are in <c>TableMap.Columns.cs</c>.
/// </summary>
/// <param name="create">A blank row for <see cref="Read"/> to fill; null for a map that is only written.</param>
internal sealed partial class TableMap<TRow>(string table, Func<TRow>? create = null)
{
    private readonly List<Column<TRow>> _columns = [];
    private Column<TRow>[]? _copied, _read, _inserted;
    private string? _copyTarget, _selectList;

    public string Table => table;

    public IReadOnlyList<Column<TRow>> Columns => _columns;

    private Column<TRow>[] Copied => _copied ??= [.. _columns.Where(c => c.Encode is not null)];

    private Column<TRow>[] Readable => _read ??= [.. _columns.Where(c => c.Read is not null)];

    /// <summary><c>table (columns)</c>, the target of a binary COPY of rows written by <see cref="Encode"/>.</summary>
    public string CopyTarget => _copyTarget ??= $"{table} ({string.Join(", ", Copied.Select(c => c.Name))})";

    /// <summary>Where a column's field falls among those <see cref="Encode"/> writes.</summary>
    public int CopyOrdinal(string name) => Array.FindIndex(Copied, c => c.Name == name);

    public void Encode(PgBinaryRows copy, TRow row)
    {
        var columns = Copied;
        copy.StartRow((short)columns.Length);
        foreach (var column in columns)
        {
            column.Encode!(copy, row);
        }
    }

    /// <summary>Streams the rows into the table by binary COPY, in the caller's transaction.</summary>
    public async Task CopyAsync(NpgsqlConnection connection, IEnumerable<TRow> rows, CancellationToken ct)
    {
        using var copy = new PgBinaryRows();
        foreach (var row in rows)
        {
            Encode(copy, row);
        }
        await copy.CopyAsync(connection, CopyTarget, ct);
    }

    /// <summary>The columns <see cref="Read"/> reads, in its order, for a SELECT.</summary>
    public string SelectList => _selectList ??= string.Join(", ", Readable.Select(c => c.Name));

    public TRow Read(NpgsqlDataReader reader)
    {
        var row = create!();
        var columns = Readable;
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i].Read!(reader, i, row);
        }
        return row;
    }

    /// <summary>
    /// <c>INSERT INTO table (…) SELECT … FROM unnest($1, $2, …) WITH ORDINALITY AS t(…, ord)</c>, one array parameter
    /// per written column (see <see cref="AddParameters"/>), then <paramref name="tail"/> (ORDER BY t.ord, ON CONFLICT,
    /// RETURNING). Built once per statement: keep the result in a static field.
    /// </summary>
    public string InsertFromUnnest(string tail)
    {
        var inserted = _columns.Where(c => c.InsertValue is not null || c.Parameter is not null).ToList();
        var unnested = Inserted;
        return $"""
            INSERT INTO {table} ({string.Join(", ", inserted.Select(c => c.Name))})
            SELECT {string.Join(", ", inserted.Select(c => c.InsertValue ?? c.Expression))}
            FROM unnest({Arrays(unnested)}) WITH ORDINALITY
                 AS t({string.Join(", ", unnested.Select(c => c.Name))}, ord)
            {tail}
            """;
    }

    /// <summary>The parameters of <see cref="InsertFromUnnest"/>: one array per written column, element i from row i.</summary>
    public void AddParameters(NpgsqlParameterCollection parameters, IReadOnlyList<TRow> rows) => Add(parameters, Inserted, rows);

    /// <summary>Runs <paramref name="insertSql"/> (from <see cref="InsertFromUnnest"/>, with no RETURNING) for the rows.</summary>
    public async Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string insertSql, IReadOnlyCollection<TRow> rows, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(insertSql, connection, transaction);
        AddParameters(command.Parameters, rows as IReadOnlyList<TRow> ?? [.. rows]);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// <c>UPDATE table x SET c = t.c, … FROM unnest(…) AS t(key, c, …) WHERE x.key = t.key</c>: the named columns of
    /// every row, found by <paramref name="key"/>. Built once per statement: keep the result in a static field.
    /// </summary>
    public string UpdateFromUnnest(string key, IReadOnlyList<string> columns)
    {
        var unnested = Named(key, columns);
        return $"""
            UPDATE {table} x SET {string.Join(", ", unnested.Skip(1).Select(c => $"{c.Name} = {c.Expression}"))}
            FROM unnest({Arrays(unnested)}) AS t({string.Join(", ", unnested.Select(c => c.Name))})
            WHERE x.{key} = t.{key}
            """;
    }

    /// <summary>The parameters of <see cref="UpdateFromUnnest"/>, given the same key and columns.</summary>
    public void AddParameters(NpgsqlParameterCollection parameters, IReadOnlyList<TRow> rows, string key, IReadOnlyList<string> columns) =>
        Add(parameters, Named(key, columns), rows);

    // The columns an INSERT unnests: a column with an INSERT expression of its own (nextval) is not among them.
    private Column<TRow>[] Inserted => _inserted ??= [.. _columns.Where(c => c.InsertValue is null && c.Parameter is not null)];

    private Column<TRow>[] Named(string key, IReadOnlyList<string> columns) =>
        [.. columns.Prepend(key).Select(name => _columns.Find(c => c.Name == name && c.Parameter is not null)
            ?? throw new ArgumentException($"{table}.{name} is not a written column of the map."))];

    private static string Arrays(IEnumerable<Column<TRow>> columns) =>
        string.Join(", ", columns.Select((c, i) => $"${i + 1}::{c.ParameterType}[]"));

    private static void Add(NpgsqlParameterCollection parameters, Column<TRow>[] columns, IReadOnlyList<TRow> rows)
    {
        foreach (var column in columns)
        {
            parameters.Add(column.Parameter!(rows));
        }
    }

    private TableMap<TRow> Add(Column<TRow> column) => Changed(() => _columns.Add(column));

    private TableMap<TRow> Replace(string name, Func<Column<TRow>, Column<TRow>> change) => Changed(() =>
    {
        var i = _columns.FindIndex(c => c.Name == name);
        _columns[i] = change(_columns[i]);
    });

    private TableMap<TRow> Changed(Action change)
    {
        change();
        (_copied, _read, _inserted, _copyTarget, _selectList) = (null, null, null, null, null);
        return this;
    }
}

/// <summary>
/// One column of a <see cref="TableMap{TRow}"/>. A column with nothing to write is left to its default (or to the
/// updates that set it later); one with nothing to read is not selected.
/// </summary>
/// <param name="StoreType">As EF's model names it, with <c>character varying(n)</c> as <c>text</c>: a test compares the two.</param>
internal sealed record Column<TRow>(string Name, string StoreType)
{
    /// <summary>The element type of the column's unnest array parameter.</summary>
    public string? ParameterType { get; init; }

    /// <summary>The SQL expression that writes the column, with <c>@</c> for its unnest column.</summary>
    public string Template { get; init; } = "@";

    public string Expression => Template.Replace("@", "t." + Name, StringComparison.Ordinal);

    /// <summary>An INSERT expression instead of a parameter (<c>nextval(…)</c>).</summary>
    public string? InsertValue { get; init; }

    public Action<PgBinaryRows, TRow>? Encode { get; init; }

    public Func<IReadOnlyList<TRow>, NpgsqlParameter>? Parameter { get; init; }

    public Action<NpgsqlDataReader, int, TRow>? Read { get; init; }
}
