using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace SocialCardAudit.Data;

/// <summary>
/// Inserts entities of one type with one prepared command in the caller's transaction: imports write tens of
/// thousands of rows, where tracking each as an entity costs several times the work itself. Table, columns
/// and value conversions (enums, dates) come from the EF model, so both providers and later renames stay right.
/// Every mapped property is written except a generated key, which <see cref="Insert"/> returns when asked to.
/// </summary>
public sealed class PreparedInsert<T> : IDisposable where T : class
{
    private readonly DbCommand _command;
    private readonly (IClrPropertyGetter Getter, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? Converter, DbParameter Parameter)[] _columns;
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
        _command = db.Database.GetDbConnection().CreateCommand();
        _command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Prepared inserts run inside the caller's transaction only.");
        var table = sql.DelimitIdentifier(entity.GetTableName()!);
        var names = string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName())));
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
            return (p.GetGetter(), p.GetTypeMapping().Converter, parameter);
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
        foreach (var (getter, converter, parameter) in _columns)
        {
            var value = getter.GetClrValue(entity);
            parameter.Value = (converter is null || value is null ? value : converter.ConvertToProvider(value)) ?? DBNull.Value;
        }
        if (!_returnKey)
        {
            _command.ExecuteNonQuery();
            return 0;
        }
        return Convert.ToInt64(_command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => _command.Dispose();
}
