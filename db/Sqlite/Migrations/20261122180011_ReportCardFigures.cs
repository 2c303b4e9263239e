using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialCardAudit.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReportCardFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LostCards",
                table: "SnapshotLine",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "StockCards",
                table: "SnapshotLine",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LostCards",
                table: "SnapshotLine");

            migrationBuilder.DropColumn(
                name: "StockCards",
                table: "SnapshotLine");
        }
    }
}
