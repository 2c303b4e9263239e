using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialCardAudit.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AuditChainAndTwoFactor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "TwoFactorForStaff",
                table: "Tenants",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Chain",
                table: "SecurityEvents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "SecurityEvents",
                type: "TEXT",
                maxLength: 68,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PreviousHash",
                table: "SecurityEvents",
                type: "TEXT",
                maxLength: 68,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "SecurityEvents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateTime>(
                name: "PasswordChangedAtUtc",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PasswordHistory",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: false),
                    ReplacedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PasswordHistory", x => x.Id);
                });

            // Records written before the chain existed keep their place in no chain (sequence ≤ 0) and are reported as such.
            migrationBuilder.Sql("UPDATE SecurityEvents SET Sequence = -Id, Chain = COALESCE(TenantId, 0)");

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_Chain_Sequence",
                table: "SecurityEvents",
                columns: new[] { "Chain", "Sequence" },
                unique: true,
                filter: "[Sequence] > 0");

            migrationBuilder.CreateIndex(
                name: "IX_PasswordHistory_UserId",
                table: "PasswordHistory",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PasswordHistory");

            migrationBuilder.DropIndex(
                name: "IX_SecurityEvents_Chain_Sequence",
                table: "SecurityEvents");

            migrationBuilder.DropColumn(
                name: "TwoFactorForStaff",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "Chain",
                table: "SecurityEvents");

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "SecurityEvents");

            migrationBuilder.DropColumn(
                name: "PreviousHash",
                table: "SecurityEvents");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "SecurityEvents");

            migrationBuilder.DropColumn(
                name: "PasswordChangedAtUtc",
                table: "AspNetUsers");
        }
    }
}
