using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialCardAudit.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class CampaignsAndTaskRows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Campaigns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TenantId = table.Column<int>(type: "int", nullable: false),
                    TownId = table.Column<int>(type: "int", nullable: false),
                    Code = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    DocumentNumber = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ClosedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Campaigns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Campaigns_OrgUnits_TownId",
                        column: x => x.TownId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VillageAliases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TenantId = table.Column<int>(type: "int", nullable: false),
                    VillageId = table.Column<int>(type: "int", nullable: false),
                    Alias = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VillageAliases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VillageAliases_OrgUnits_VillageId",
                        column: x => x.VillageId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CampaignPhase",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CampaignId = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignPhase", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampaignPhase_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CampaignVillage",
                columns: table => new
                {
                    CampaignId = table.Column<int>(type: "int", nullable: false),
                    VillageId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignVillage", x => new { x.CampaignId, x.VillageId });
                    table.ForeignKey(
                        name: "FK_CampaignVillage_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CampaignVillage_OrgUnits_VillageId",
                        column: x => x.VillageId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TaskImports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TenantId = table.Column<int>(type: "int", nullable: false),
                    CampaignId = table.Column<int>(type: "int", nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: false),
                    FileSize = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    FinishedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Status = table.Column<int>(type: "int", nullable: false),
                    CancelRequested = table.Column<bool>(type: "bit", nullable: false),
                    RowsRead = table.Column<int>(type: "int", nullable: false),
                    RowsValidated = table.Column<int>(type: "int", nullable: false),
                    RowsStored = table.Column<int>(type: "int", nullable: false),
                    Imported = table.Column<int>(type: "int", nullable: false),
                    AlreadyPresent = table.Column<int>(type: "int", nullable: false),
                    Rejected = table.Column<int>(type: "int", nullable: false),
                    Flagged = table.Column<int>(type: "int", nullable: false),
                    Message = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    ErrorReportCipher = table.Column<byte[]>(type: "varbinary(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskImports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TaskImports_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TaskRows",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TenantId = table.Column<int>(type: "int", nullable: false),
                    CampaignId = table.Column<int>(type: "int", nullable: false),
                    VillageId = table.Column<int>(type: "int", nullable: false),
                    ResidentGroupId = table.Column<int>(type: "int", nullable: true),
                    ImportId = table.Column<long>(type: "bigint", nullable: false),
                    SourceNumber = table.Column<int>(type: "int", nullable: true),
                    Name = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    IdNumberCipher = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    IdNumberHash = table.Column<byte[]>(type: "binary(16)", fixedLength: true, maxLength: 16, nullable: false),
                    IdNumberMasked = table.Column<string>(type: "nvarchar(18)", maxLength: 18, nullable: false),
                    BankCardCipher = table.Column<byte[]>(type: "varbinary(max)", nullable: true),
                    BankCardMasked = table.Column<string>(type: "nvarchar(25)", maxLength: 25, nullable: true),
                    Address = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Phone = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    ImportFlags = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    VerifierId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    AssignedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskRows", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TaskRows_AspNetUsers_VerifierId",
                        column: x => x.VerifierId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TaskRows_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TaskRows_OrgUnits_ResidentGroupId",
                        column: x => x.ResidentGroupId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TaskRows_OrgUnits_VillageId",
                        column: x => x.VillageId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TaskRows_TaskImports_ImportId",
                        column: x => x.ImportId,
                        principalTable: "TaskImports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TaskAssignments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TenantId = table.Column<int>(type: "int", nullable: false),
                    TaskRowId = table.Column<long>(type: "bigint", nullable: false),
                    FromVerifierId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ToVerifierId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TaskAssignments_TaskRows_TaskRowId",
                        column: x => x.TaskRowId,
                        principalTable: "TaskRows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignPhase_CampaignId",
                table: "CampaignPhase",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_TenantId_Code",
                table: "Campaigns",
                columns: new[] { "TenantId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_TownId",
                table: "Campaigns",
                column: "TownId");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignVillage_VillageId",
                table: "CampaignVillage",
                column: "VillageId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskAssignments_TaskRowId",
                table: "TaskAssignments",
                column: "TaskRowId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskImports_CampaignId",
                table: "TaskImports",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskImports_TenantId_CampaignId",
                table: "TaskImports",
                columns: new[] { "TenantId", "CampaignId" });

            migrationBuilder.CreateIndex(
                name: "IX_TaskRows_CampaignId_IdNumberHash",
                table: "TaskRows",
                columns: new[] { "CampaignId", "IdNumberHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TaskRows_CampaignId_VillageId_ResidentGroupId",
                table: "TaskRows",
                columns: new[] { "CampaignId", "VillageId", "ResidentGroupId" });

            migrationBuilder.CreateIndex(
                name: "IX_TaskRows_ImportId",
                table: "TaskRows",
                column: "ImportId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskRows_ResidentGroupId",
                table: "TaskRows",
                column: "ResidentGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskRows_TenantId_VerifierId",
                table: "TaskRows",
                columns: new[] { "TenantId", "VerifierId" });

            migrationBuilder.CreateIndex(
                name: "IX_TaskRows_VerifierId",
                table: "TaskRows",
                column: "VerifierId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskRows_VillageId",
                table: "TaskRows",
                column: "VillageId");

            migrationBuilder.CreateIndex(
                name: "IX_VillageAliases_TenantId_Alias",
                table: "VillageAliases",
                columns: new[] { "TenantId", "Alias" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VillageAliases_VillageId",
                table: "VillageAliases",
                column: "VillageId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CampaignPhase");

            migrationBuilder.DropTable(
                name: "CampaignVillage");

            migrationBuilder.DropTable(
                name: "TaskAssignments");

            migrationBuilder.DropTable(
                name: "VillageAliases");

            migrationBuilder.DropTable(
                name: "TaskRows");

            migrationBuilder.DropTable(
                name: "TaskImports");

            migrationBuilder.DropTable(
                name: "Campaigns");
        }
    }
}
