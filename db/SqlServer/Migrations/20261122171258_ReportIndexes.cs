using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialCardAudit.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ReportIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TaskRows_CampaignId_VillageId_ResidentGroupId",
                table: "TaskRows");

            migrationBuilder.CreateIndex(
                name: "IX_VerificationRecords_CampaignId_VillageId_Outcome_TenantId",
                table: "VerificationRecords",
                columns: new[] { "CampaignId", "VillageId", "Outcome", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_TaskRows_CampaignId_VillageId_ResidentGroupId_TenantId",
                table: "TaskRows",
                columns: new[] { "CampaignId", "VillageId", "ResidentGroupId", "TenantId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_VerificationRecords_CampaignId_VillageId_Outcome_TenantId",
                table: "VerificationRecords");

            migrationBuilder.DropIndex(
                name: "IX_TaskRows_CampaignId_VillageId_ResidentGroupId_TenantId",
                table: "TaskRows");

            migrationBuilder.CreateIndex(
                name: "IX_TaskRows_CampaignId_VillageId_ResidentGroupId",
                table: "TaskRows",
                columns: new[] { "CampaignId", "VillageId", "ResidentGroupId" });
        }
    }
}
