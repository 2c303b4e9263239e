using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialCardAudit.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SuspiciousIssues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SuspiciousIssues",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<int>(type: "INTEGER", nullable: false),
                    TaskRowId = table.Column<long>(type: "INTEGER", nullable: false),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Details = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RaisedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RaisedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ClosedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SuspiciousIssues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SuspiciousIssues_TaskRows_TaskRowId",
                        column: x => x.TaskRowId,
                        principalTable: "TaskRows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IssueComment",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<int>(type: "INTEGER", nullable: false),
                    IssueId = table.Column<long>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IssueComment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IssueComment_SuspiciousIssues_IssueId",
                        column: x => x.IssueId,
                        principalTable: "SuspiciousIssues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IssueComment_IssueId",
                table: "IssueComment",
                column: "IssueId");

            migrationBuilder.CreateIndex(
                name: "IX_SuspiciousIssues_CampaignId_VillageId_ClosedAtUtc",
                table: "SuspiciousIssues",
                columns: new[] { "CampaignId", "VillageId", "ClosedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SuspiciousIssues_TaskRowId",
                table: "SuspiciousIssues",
                column: "TaskRowId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IssueComment");

            migrationBuilder.DropTable(
                name: "SuspiciousIssues");
        }
    }
}
