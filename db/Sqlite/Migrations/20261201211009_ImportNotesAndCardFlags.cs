using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialCardAudit.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ImportNotesAndCardFlags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Notes",
                table: "TaskImports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImportFlags",
                table: "Cards",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SocialCardNumber",
                table: "Cards",
                type: "TEXT",
                maxLength: 9,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Notes",
                table: "CardImports",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Notes",
                table: "TaskImports");

            migrationBuilder.DropColumn(
                name: "ImportFlags",
                table: "Cards");

            migrationBuilder.DropColumn(
                name: "SocialCardNumber",
                table: "Cards");

            migrationBuilder.DropColumn(
                name: "Notes",
                table: "CardImports");
        }
    }
}
