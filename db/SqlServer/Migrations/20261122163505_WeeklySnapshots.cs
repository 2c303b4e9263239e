using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialCardAudit.Migrations.SqlServer.Migrations
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TenantId = table.Column<int>(type: "int", nullable: false),
                    CampaignId = table.Column<int>(type: "int", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Week = table.Column<int>(type: "int", nullable: false),
                    TakenAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    TakenById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SnapshotId = table.Column<long>(type: "bigint", nullable: false),
                    VillageId = table.Column<int>(type: "int", nullable: false),
                    TaskRows = table.Column<int>(type: "int", nullable: false),
                    Verified = table.Column<int>(type: "int", nullable: false),
                    ReceivedInUse = table.Column<int>(type: "int", nullable: false),
                    ReceivedDeceased = table.Column<int>(type: "int", nullable: false),
                    NotReceivedHandedIn = table.Column<int>(type: "int", nullable: false),
                    NotReceivedDeceased = table.Column<int>(type: "int", nullable: false),
                    Flagged = table.Column<int>(type: "int", nullable: false),
                    FraudCases = table.Column<int>(type: "int", nullable: false),
                    Recovered = table.Column<decimal>(type: "decimal(14,2)", precision: 14, scale: 2, nullable: false),
                    State = table.Column<int>(type: "int", nullable: false)
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
