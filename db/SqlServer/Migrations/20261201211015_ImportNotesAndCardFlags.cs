using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialCardAudit.Migrations.SqlServer.Migrations
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
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImportFlags",
                table: "Cards",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SocialCardNumber",
                table: "Cards",
                type: "nvarchar(9)",
                maxLength: 9,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Notes",
                table: "CardImports",
                type: "nvarchar(max)",
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
