using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialCardAudit.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class FraudCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FraudCases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TenantId = table.Column<int>(type: "int", nullable: false),
                    IssueId = table.Column<long>(type: "bigint", nullable: false),
                    TaskRowId = table.Column<long>(type: "bigint", nullable: false),
                    CampaignId = table.Column<int>(type: "int", nullable: false),
                    VillageId = table.Column<int>(type: "int", nullable: false),
                    AmountClaimed = table.Column<decimal>(type: "decimal(12,2)", precision: 12, scale: 2, nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: false),
                    ReportedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    OpenedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    OpenedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ReferredOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FraudCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FraudCases_SuspiciousIssues_IssueId",
                        column: x => x.IssueId,
                        principalTable: "SuspiciousIssues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FraudRecovery",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TenantId = table.Column<int>(type: "int", nullable: false),
                    CaseId = table.Column<long>(type: "bigint", nullable: false),
                    Amount = table.Column<decimal>(type: "decimal(12,2)", precision: 12, scale: 2, nullable: false),
                    RecoveredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FraudRecovery", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FraudRecovery_FraudCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "FraudCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FraudCases_CampaignId_VillageId",
                table: "FraudCases",
                columns: new[] { "CampaignId", "VillageId" });

            migrationBuilder.CreateIndex(
                name: "IX_FraudCases_IssueId",
                table: "FraudCases",
                column: "IssueId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FraudRecovery_CaseId",
                table: "FraudRecovery",
                column: "CaseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FraudRecovery");

            migrationBuilder.DropTable(
                name: "FraudCases");
        }
    }
}
