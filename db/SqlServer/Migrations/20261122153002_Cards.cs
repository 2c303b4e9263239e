using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialCardAudit.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Cards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CardHandovers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TenantId = table.Column<int>(type: "int", nullable: false),
                    FromKind = table.Column<int>(type: "int", nullable: false),
                    FromPlaceId = table.Column<int>(type: "int", nullable: false),
                    ToKind = table.Column<int>(type: "int", nullable: false),
                    ToPlaceId = table.Column<int>(type: "int", nullable: false),
                    SentById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    Sender = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ReceivedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    Receiver = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ReceivedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CountedByReceiver = table.Column<int>(type: "int", nullable: true),
                    State = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CardHandovers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CardImports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TenantId = table.Column<int>(type: "int", nullable: false),
                    TownId = table.Column<int>(type: "int", nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(260)", maxLength: 260, nullable: false),
                    FileSize = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Imported = table.Column<int>(type: "int", nullable: false),
                    AlreadyPresent = table.Column<int>(type: "int", nullable: false),
                    Rejected = table.Column<int>(type: "int", nullable: false),
                    Flagged = table.Column<int>(type: "int", nullable: false),
                    Message = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    ErrorReportCipher = table.Column<byte[]>(type: "varbinary(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CardImports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CardImports_OrgUnits_TownId",
                        column: x => x.TownId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Cards",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TenantId = table.Column<int>(type: "int", nullable: false),
                    HolderName = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    IdNumberCipher = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    IdNumberHash = table.Column<byte[]>(type: "binary(16)", fixedLength: true, maxLength: 16, nullable: false),
                    IdNumberMasked = table.Column<string>(type: "nvarchar(18)", maxLength: 18, nullable: false),
                    BankId = table.Column<int>(type: "int", nullable: false),
                    CardNumberCipher = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    CardNumberHash = table.Column<byte[]>(type: "binary(16)", fixedLength: true, maxLength: 16, nullable: false),
                    CardNumberMasked = table.Column<string>(type: "nvarchar(25)", maxLength: 25, nullable: false),
                    VillageId = table.Column<int>(type: "int", nullable: false),
                    RegisteredAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    State = table.Column<int>(type: "int", nullable: false),
                    CustodianKind = table.Column<int>(type: "int", nullable: false),
                    CustodianPlaceId = table.Column<int>(type: "int", nullable: true),
                    CustodianPerson = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    SinceUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    HandoverId = table.Column<long>(type: "bigint", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cards_Banks_BankId",
                        column: x => x.BankId,
                        principalTable: "Banks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Cards_CardHandovers_HandoverId",
                        column: x => x.HandoverId,
                        principalTable: "CardHandovers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Cards_OrgUnits_VillageId",
                        column: x => x.VillageId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CardEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CardId = table.Column<long>(type: "bigint", nullable: false),
                    Sequence = table.Column<int>(type: "int", nullable: false),
                    FromState = table.Column<int>(type: "int", nullable: true),
                    ToState = table.Column<int>(type: "int", nullable: false),
                    Action = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    CustodianKind = table.Column<int>(type: "int", nullable: false),
                    CustodianPlaceId = table.Column<int>(type: "int", nullable: true),
                    CustodianPerson = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    ById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    Responsible = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Method = table.Column<int>(type: "int", nullable: false),
                    Place = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Note = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    HandoverId = table.Column<long>(type: "bigint", nullable: true),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CardEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CardEvents_Cards_CardId",
                        column: x => x.CardId,
                        principalTable: "Cards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CardHandoverLines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    HandoverId = table.Column<long>(type: "bigint", nullable: false),
                    CardId = table.Column<long>(type: "bigint", nullable: false),
                    State = table.Column<int>(type: "int", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CardHandoverLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CardHandoverLines_CardHandovers_HandoverId",
                        column: x => x.HandoverId,
                        principalTable: "CardHandovers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CardHandoverLines_Cards_CardId",
                        column: x => x.CardId,
                        principalTable: "Cards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CustodyAuthorisations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TenantId = table.Column<int>(type: "int", nullable: false),
                    CardId = table.Column<long>(type: "bigint", nullable: false),
                    Group = table.Column<int>(type: "int", nullable: false),
                    CustodianName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    RequestedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    State = table.Column<int>(type: "int", nullable: false),
                    DecidedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RefusalReason = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustodyAuthorisations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustodyAuthorisations_Cards_CardId",
                        column: x => x.CardId,
                        principalTable: "Cards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LostCardReports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TenantId = table.Column<int>(type: "int", nullable: false),
                    CardId = table.Column<long>(type: "bigint", nullable: false),
                    VillageId = table.Column<int>(type: "int", nullable: false),
                    LastCustodian = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    NoticedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Circumstances = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    SignedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    SignedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    AcknowledgedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    AcknowledgedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LostCardReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LostCardReports_Cards_CardId",
                        column: x => x.CardId,
                        principalTable: "Cards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SecondIssueAttempts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TenantId = table.Column<int>(type: "int", nullable: false),
                    CardId = table.Column<long>(type: "bigint", nullable: false),
                    AttemptedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Succeeded = table.Column<bool>(type: "bit", nullable: false),
                    FailureReason = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecondIssueAttempts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SecondIssueAttempts_Cards_CardId",
                        column: x => x.CardId,
                        principalTable: "Cards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CardEvents_CardId_Sequence",
                table: "CardEvents",
                columns: new[] { "CardId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CardEvents_HandoverId",
                table: "CardEvents",
                column: "HandoverId");

            migrationBuilder.CreateIndex(
                name: "IX_CardHandoverLines_CardId",
                table: "CardHandoverLines",
                column: "CardId");

            migrationBuilder.CreateIndex(
                name: "IX_CardHandoverLines_HandoverId_CardId",
                table: "CardHandoverLines",
                columns: new[] { "HandoverId", "CardId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CardHandovers_FromKind_FromPlaceId_State",
                table: "CardHandovers",
                columns: new[] { "FromKind", "FromPlaceId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_CardHandovers_ToKind_ToPlaceId_State",
                table: "CardHandovers",
                columns: new[] { "ToKind", "ToPlaceId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_CardImports_TownId",
                table: "CardImports",
                column: "TownId");

            migrationBuilder.CreateIndex(
                name: "IX_Cards_BankId",
                table: "Cards",
                column: "BankId");

            migrationBuilder.CreateIndex(
                name: "IX_Cards_CustodianKind_CustodianPlaceId_State",
                table: "Cards",
                columns: new[] { "CustodianKind", "CustodianPlaceId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Cards_HandoverId",
                table: "Cards",
                column: "HandoverId");

            migrationBuilder.CreateIndex(
                name: "IX_Cards_TenantId_CardNumberHash",
                table: "Cards",
                columns: new[] { "TenantId", "CardNumberHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cards_TenantId_IdNumberHash_BankId",
                table: "Cards",
                columns: new[] { "TenantId", "IdNumberHash", "BankId" },
                unique: true,
                filter: "[State] <> 7");

            migrationBuilder.CreateIndex(
                name: "IX_Cards_VillageId_State",
                table: "Cards",
                columns: new[] { "VillageId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_CustodyAuthorisations_CardId",
                table: "CustodyAuthorisations",
                column: "CardId");

            migrationBuilder.CreateIndex(
                name: "IX_LostCardReports_CardId",
                table: "LostCardReports",
                column: "CardId");

            migrationBuilder.CreateIndex(
                name: "IX_LostCardReports_VillageId",
                table: "LostCardReports",
                column: "VillageId");

            migrationBuilder.CreateIndex(
                name: "IX_SecondIssueAttempts_CardId",
                table: "SecondIssueAttempts",
                column: "CardId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CardEvents");

            migrationBuilder.DropTable(
                name: "CardHandoverLines");

            migrationBuilder.DropTable(
                name: "CardImports");

            migrationBuilder.DropTable(
                name: "CustodyAuthorisations");

            migrationBuilder.DropTable(
                name: "LostCardReports");

            migrationBuilder.DropTable(
                name: "SecondIssueAttempts");

            migrationBuilder.DropTable(
                name: "Cards");

            migrationBuilder.DropTable(
                name: "CardHandovers");
        }
    }
}
