using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace SocialCardAudit.Data;

/// <summary>
/// Inserts entities of one type in the caller's transaction, by the engine's fast path: imports write tens of
/// thousands of rows, where tracking each as an entity costs several times the work itself. On PostgreSQL the
/// rows stream through one binary COPY (no round trip per row; one COPY at a time on a connection, so write one
/// type after another, and errors such as a duplicate key come when it is disposed); elsewhere, and when the
/// generated key is needed back, through one prepared INSERT. Table, columns, column types and value conversions
/// (enums, dates) come from the EF model, so every provider and later renames stay right. Every mapped property
/// is written except a generated key, which <see cref="Insert"/> returns when asked to.
/// </summary>
public sealed class PreparedInsert<T> : IDisposable where T : class
{
    private readonly DbCommand? _command;
    private readonly NpgsqlBinaryImporter? _copy;
    private readonly (IClrPropertyGetter Getter, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? Converter, DbParameter? Parameter, string StoreType)[] _columns;
    private readonly bool _returnKey;
    private readonly int? _tenant;

    public PreparedInsert(AppDbContext db, bool returnKey = false)
    {
        _returnKey = returnKey;
        _tenant = db.CurrentTenantId;
        var entity = db.Model.FindEntityType(typeof(T))!;
        var sql = db.GetService<ISqlGenerationHelper>();
        var key = entity.FindPrimaryKey()!.Properties.Single();
        var properties = entity.GetProperties().Where(p => p != key || p.ValueGenerated == Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never).ToList();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Prepared inserts run inside the caller's transaction only.");
        var table = sql.DelimitIdentifier(entity.GetTableName()!);
        var names = string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName())));
        if (!returnKey && db.Database.GetDbConnection() is NpgsqlConnection postgres)
        {
            _copy = postgres.BeginBinaryImport($"COPY {table} ({names}) FROM STDIN (FORMAT BINARY)");
            _columns = [.. properties.Select(p => (p.GetGetter(), p.GetTypeMapping().Converter, (DbParameter?)null, p.GetColumnType()))];
            return;
        }
        _command = db.Database.GetDbConnection().CreateCommand();
        _command.Transaction = transaction;
        var values = string.Join(", ", properties.Select((_, i) => "@p" + i));
        var id = sql.DelimitIdentifier(key.GetColumnName());
        _command.CommandText = !returnKey ? $"INSERT INTO {table} ({names}) VALUES ({values})"
            : db.Database.IsSqlServer() ? $"INSERT INTO {table} ({names}) OUTPUT INSERTED.{id} VALUES ({values})"
            : $"INSERT INTO {table} ({names}) VALUES ({values}) RETURNING {id}";
        _columns = properties.Select((p, i) =>
        {
            var parameter = _command.CreateParameter();
            parameter.ParameterName = "@p" + i;
            _command.Parameters.Add(parameter);
            return (p.GetGetter(), p.GetTypeMapping().Converter, (DbParameter?)parameter, p.GetColumnType());
        }).ToArray();
    }

    /// <summary>Writes one entity; returns the key the database gave it, or 0 when not asked for.</summary>
    public long Insert(T entity)
    {
        // The same tenant guard as SaveChanges: stamped when new, never another county's.
        if (entity is Domain.ITenantOwned owned)
        {
            if (owned.TenantId == 0)
            {
                owned.TenantId = _tenant ?? throw new InvalidOperationException($"A {typeof(T).Name} was inserted with no tenant.");
            }
            else if (_tenant is { } current && owned.TenantId != current)
            {
                throw new InvalidOperationException($"A {typeof(T).Name} of another tenant cannot be written.");
            }
        }
        if (_copy is not null)
        {
            _copy.StartRow();
            foreach (var (getter, converter, _, storeType) in _columns)
            {
                var value = getter.GetClrValue(entity);
                if ((converter is null || value is null ? value : converter.ConvertToProvider(value)) is { } stored)
                {
                    _copy.Write(stored, storeType);
                }
                else
                {
                    _copy.WriteNull();
                }
            }
            return 0;
        }
        foreach (var (getter, converter, parameter, _) in _columns)
        {
            var value = getter.GetClrValue(entity);
            parameter!.Value = (converter is null || value is null ? value : converter.ConvertToProvider(value)) ?? DBNull.Value;
        }
        if (!_returnKey)
        {
            _command!.ExecuteNonQuery();
            return 0;
        }
        return Convert.ToInt64(_command!.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Ends the COPY (the rows are checked by the server then) or frees the command.</summary>
    public void Dispose()
    {
        if (_copy is not null)
        {
            _copy.Complete();
            _copy.Dispose();
        }
        _command?.Dispose();
    }
}
