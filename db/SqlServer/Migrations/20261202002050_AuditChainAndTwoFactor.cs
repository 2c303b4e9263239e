using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialCardAudit.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class AuditChainAndTwoFactor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Digest",
                table: "TownSignatures",
                type: "nvarchar(68)",
                maxLength: 68,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(64)",
                oldMaxLength: 64);

            migrationBuilder.AddColumn<bool>(
                name: "TwoFactorForStaff",
                table: "Tenants",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AlterColumn<string>(
                name: "Digest",
                table: "SubmissionStep",
                type: "nvarchar(68)",
                maxLength: 68,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(64)",
                oldMaxLength: 64,
                oldNullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Chain",
                table: "SecurityEvents",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "SecurityEvents",
                type: "nvarchar(68)",
                maxLength: 68,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PreviousHash",
                table: "SecurityEvents",
                type: "nvarchar(68)",
                maxLength: 68,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "SecurityEvents",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateTime>(
                name: "PasswordChangedAtUtc",
                table: "AspNetUsers",
                type: "datetime2",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PasswordHistory",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    PasswordHash = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    ReplacedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
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

            migrationBuilder.AlterColumn<string>(
                name: "Digest",
                table: "TownSignatures",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(68)",
                oldMaxLength: 68);

            migrationBuilder.AlterColumn<string>(
                name: "Digest",
                table: "SubmissionStep",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(68)",
                oldMaxLength: 68,
                oldNullable: true);
        }
    }
}
