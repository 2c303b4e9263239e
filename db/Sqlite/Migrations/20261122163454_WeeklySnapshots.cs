using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialCardAudit.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WeeklySnapshots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WeeklySnapshots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<int>(type: "INTEGER", nullable: false),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Week = table.Column<int>(type: "INTEGER", nullable: false),
                    TakenAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TakenById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WeeklySnapshots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WeeklySnapshots_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SnapshotLine",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SnapshotId = table.Column<long>(type: "INTEGER", nullable: false),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: false),
                    TaskRows = table.Column<int>(type: "INTEGER", nullable: false),
                    Verified = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivedInUse = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivedDeceased = table.Column<int>(type: "INTEGER", nullable: false),
                    NotReceivedHandedIn = table.Column<int>(type: "INTEGER", nullable: false),
                    NotReceivedDeceased = table.Column<int>(type: "INTEGER", nullable: false),
                    Flagged = table.Column<int>(type: "INTEGER", nullable: false),
                    FraudCases = table.Column<int>(type: "INTEGER", nullable: false),
                    Recovered = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SnapshotLine", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SnapshotLine_WeeklySnapshots_SnapshotId",
                        column: x => x.SnapshotId,
                        principalTable: "WeeklySnapshots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SnapshotLine_SnapshotId",
                table: "SnapshotLine",
                column: "SnapshotId");

            migrationBuilder.CreateIndex(
                name: "IX_WeeklySnapshots_CampaignId_Year_Week",
                table: "WeeklySnapshots",
                columns: new[] { "CampaignId", "Year", "Week" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SnapshotLine");

            migrationBuilder.DropTable(
                name: "WeeklySnapshots");
        }
    }
}
