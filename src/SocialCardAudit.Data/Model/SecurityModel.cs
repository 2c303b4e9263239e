using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialCardAudit.Data.Identity;
using SocialCardAudit.Data.Security;

namespace SocialCardAudit.Data.Model;

internal sealed class EndedSessionConfiguration : IEntityTypeConfiguration<EndedSession>
{
    public void Configure(EntityTypeBuilder<EndedSession> e)
    {
        e.Property(s => s.Id).ValueGeneratedNever();
        e.Property(s => s.UserId).HasMaxLength(450);
        e.HasIndex(s => s.EndedAtUtc);
    }
}

internal sealed class PasswordHistoryConfiguration : IEntityTypeConfiguration<PasswordHistory>
{
    public void Configure(EntityTypeBuilder<PasswordHistory> e)
    {
        e.Property(h => h.UserId).HasMaxLength(450);
        e.HasIndex(h => h.UserId);
    }
}

internal sealed class SecurityEventConfiguration : IEntityTypeConfiguration<SecurityEvent>
{
    public void Configure(EntityTypeBuilder<SecurityEvent> e)
    {
        e.Property(s => s.UserName).HasMaxLength(256);
        e.Property(s => s.UserId).HasMaxLength(450);
        e.Property(s => s.RemoteIp).HasMaxLength(64);
        e.Property(s => s.Path).HasMaxLength(512);
        e.Property(s => s.Detail).HasMaxLength(512);
        e.HasIndex(s => new { s.TenantId, s.AtUtc });
        e.HasIndex(s => new { s.Chain, s.Sequence }).IsUnique().HasFilter("\"Sequence\" > 0");
        e.Property(s => s.PreviousHash).HasMaxLength(68);
        e.Property(s => s.Hash).HasMaxLength(68);
    }
}
