using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using SocialCardAudit.Domain.Tasks;

namespace SocialCardAudit.Data.Tasks;

/// <summary>
/// Inserts task rows with one prepared command in the caller's transaction: an import writes up to a
/// hundred thousand rows, where tracking each as an entity costs several times the work itself.
/// Table and column names come from the EF model, so both providers and later renames stay right.
/// </summary>
internal sealed class TaskRowWriter : IDisposable
{
    private static readonly string[] Properties =
    [
        nameof(TaskRow.TenantId), nameof(TaskRow.CampaignId), nameof(TaskRow.VillageId), nameof(TaskRow.ResidentGroupId),
        nameof(TaskRow.ImportId), nameof(TaskRow.SourceNumber), nameof(TaskRow.Name), nameof(TaskRow.IdNumberCipher),
        nameof(TaskRow.IdNumberHash), nameof(TaskRow.IdNumberMasked), nameof(TaskRow.BankCardCipher), nameof(TaskRow.BankCardMasked),
        nameof(TaskRow.Address), nameof(TaskRow.Phone), nameof(TaskRow.ImportFlags),
    ];

    private readonly DbCommand _command;
    private readonly DbParameter[] _parameters;

    public TaskRowWriter(AppDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(TaskRow))!;
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = Properties.Select(p => sql.DelimitIdentifier(entity.FindProperty(p)!.GetColumnName())).ToList();
        _command = db.Database.GetDbConnection().CreateCommand();
        _command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Task rows are written inside the import's transaction only.");
        _command.CommandText =
            $"INSERT INTO {sql.DelimitIdentifier(entity.GetTableName()!)} ({string.Join(", ", columns)}) " +
            $"VALUES ({string.Join(", ", Properties.Select((_, i) => "@p" + i))})";
        _parameters = Properties.Select((p, i) =>
        {
            var parameter = _command.CreateParameter();
            parameter.ParameterName = "@p" + i;
            _command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
    }

    public void Write(TaskRow r)
    {
        object?[] values =
        [
            r.TenantId, r.CampaignId, r.VillageId, r.ResidentGroupId, r.ImportId, r.SourceNumber, r.Name, r.IdNumberCipher,
            r.IdNumberHash, r.IdNumberMasked, r.BankCardCipher, r.BankCardMasked, r.Address, r.Phone, r.ImportFlags,
        ];
        for (var i = 0; i < values.Length; i++)
        {
            _parameters[i].Value = values[i] ?? DBNull.Value;
        }
        _command.ExecuteNonQuery();
    }

    public void Dispose() => _command.Dispose();
}
