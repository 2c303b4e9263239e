using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialCardAudit.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CountyCampaigns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TownSignatures_CampaignId",
                table: "TownSignatures");

            migrationBuilder.AddColumn<int>(
                name: "TownId",
                table: "TownSignatures",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "TownId",
                table: "CampaignVillage",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Every village's town, and every town signature's town (until now a campaign was one town's).
            migrationBuilder.Sql("UPDATE CampaignVillage SET TownId = (SELECT ParentId FROM OrgUnits WHERE OrgUnits.Id = CampaignVillage.VillageId);");
            migrationBuilder.Sql("UPDATE TownSignatures SET TownId = (SELECT TownId FROM Campaigns WHERE Campaigns.Id = TownSignatures.CampaignId);");

            migrationBuilder.AlterColumn<int>(
                name: "TownId",
                table: "Campaigns",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.CreateIndex(
                name: "IX_TownSignatures_CampaignId_TownId",
                table: "TownSignatures",
                columns: new[] { "CampaignId", "TownId" });

            migrationBuilder.CreateIndex(
                name: "IX_TownSignatures_TownId",
                table: "TownSignatures",
                column: "TownId");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignVillage_TownId_CampaignId",
                table: "CampaignVillage",
                columns: new[] { "TownId", "CampaignId" });

            migrationBuilder.AddForeignKey(
                name: "FK_CampaignVillage_OrgUnits_TownId",
                table: "CampaignVillage",
                column: "TownId",
                principalTable: "OrgUnits",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_TownSignatures_OrgUnits_TownId",
                table: "TownSignatures",
                column: "TownId",
                principalTable: "OrgUnits",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CampaignVillage_OrgUnits_TownId",
                table: "CampaignVillage");

            migrationBuilder.DropForeignKey(
                name: "FK_TownSignatures_OrgUnits_TownId",
                table: "TownSignatures");

            migrationBuilder.DropIndex(
                name: "IX_TownSignatures_CampaignId_TownId",
                table: "TownSignatures");

            migrationBuilder.DropIndex(
                name: "IX_TownSignatures_TownId",
                table: "TownSignatures");

            migrationBuilder.DropIndex(
                name: "IX_CampaignVillage_TownId_CampaignId",
                table: "CampaignVillage");

            migrationBuilder.DropColumn(
                name: "TownId",
                table: "TownSignatures");

            migrationBuilder.DropColumn(
                name: "TownId",
                table: "CampaignVillage");

            migrationBuilder.AlterColumn<int>(
                name: "TownId",
                table: "Campaigns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_TownSignatures_CampaignId",
                table: "TownSignatures",
                column: "CampaignId");
        }
    }
}
