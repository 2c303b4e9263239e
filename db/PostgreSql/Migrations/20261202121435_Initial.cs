using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SocialCardAudit.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CardHandovers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    FromKind = table.Column<int>(type: "integer", nullable: false),
                    FromPlaceId = table.Column<int>(type: "integer", nullable: false),
                    ToKind = table.Column<int>(type: "integer", nullable: false),
                    ToPlaceId = table.Column<int>(type: "integer", nullable: false),
                    SentById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Sender = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReceivedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Receiver = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReceivedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CountedByReceiver = table.Column<int>(type: "integer", nullable: true),
                    State = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CardHandovers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EndedSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    EndedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EndedSessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PasswordHistory",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: false),
                    ReplacedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PasswordHistory", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProcessedRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    TaskRowId = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessedRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SecurityEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Chain = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    PreviousHash = table.Column<string>(type: "character varying(68)", maxLength: 68, nullable: false),
                    Hash = table.Column<string>(type: "character varying(68)", maxLength: 68, nullable: false),
                    TenantId = table.Column<int>(type: "integer", nullable: true),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RemoteIp = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Path = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    Detail = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecurityEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Tenants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    TimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, defaultValue: "Asia/Shanghai"),
                    TwoFactorForStaff = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tenants", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Banks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Banks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Banks_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OrgUnits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    ParentId = table.Column<int>(type: "integer", nullable: true),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrgUnits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrgUnits_OrgUnits_ParentId",
                        column: x => x.ParentId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OrgUnits_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    FullName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    IsDisabled = table.Column<bool>(type: "boolean", nullable: false),
                    MustChangePassword = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PasswordChangedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_OrgUnits_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Campaigns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    TownId = table.Column<int>(type: "integer", nullable: true),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DocumentNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    ClosedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                name: "Cards",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    HolderName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    IdNumberCipher = table.Column<byte[]>(type: "bytea", nullable: false),
                    IdNumberHash = table.Column<byte[]>(type: "bytea", fixedLength: true, maxLength: 16, nullable: false),
                    IdNumberMasked = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    BankId = table.Column<int>(type: "integer", nullable: false),
                    CardNumberCipher = table.Column<byte[]>(type: "bytea", nullable: false),
                    CardNumberHash = table.Column<byte[]>(type: "bytea", fixedLength: true, maxLength: 16, nullable: false),
                    CardNumberMasked = table.Column<string>(type: "character varying(25)", maxLength: 25, nullable: false),
                    VillageId = table.Column<int>(type: "integer", nullable: false),
                    RegisteredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SocialCardNumber = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    ImportFlags = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    State = table.Column<int>(type: "integer", nullable: false),
                    CustodianKind = table.Column<int>(type: "integer", nullable: false),
                    CustodianPlaceId = table.Column<int>(type: "integer", nullable: true),
                    CustodianPerson = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    SinceUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    HandoverId = table.Column<long>(type: "bigint", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                name: "VillageAliases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    VillageId = table.Column<int>(type: "integer", nullable: false),
                    Alias = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
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
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    RoleId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ArchiveVolumes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    BusinessLink = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Retention = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Pages = table.Column<int>(type: "integer", nullable: false),
                    CompiledById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CompiledByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CompiledAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ManifestSha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArchiveVolumes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ArchiveVolumes_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CampaignPhase",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
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
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    VillageId = table.Column<int>(type: "integer", nullable: false),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    TownId = table.Column<int>(type: "integer", nullable: false)
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
                        name: "FK_CampaignVillage_OrgUnits_TownId",
                        column: x => x.TownId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CampaignVillage_OrgUnits_VillageId",
                        column: x => x.VillageId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ImportJobs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    FileSize = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FinishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    RunBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LeaseUntilUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    CancelRequested = table.Column<bool>(type: "boolean", nullable: false),
                    RowsRead = table.Column<int>(type: "integer", nullable: false),
                    RowsAccepted = table.Column<int>(type: "integer", nullable: false),
                    RowsStored = table.Column<int>(type: "integer", nullable: false),
                    Imported = table.Column<int>(type: "integer", nullable: false),
                    AlreadyPresent = table.Column<int>(type: "integer", nullable: false),
                    Rejected = table.Column<int>(type: "integer", nullable: false),
                    Flagged = table.Column<int>(type: "integer", nullable: false),
                    Message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Notes = table.Column<string>(type: "text", nullable: true),
                    ErrorReportCipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    TownId = table.Column<int>(type: "integer", nullable: true),
                    CampaignId = table.Column<int>(type: "integer", nullable: true),
                    TaskImport_CampaignId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportJobs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportJobs_Campaigns_TaskImport_CampaignId",
                        column: x => x.TaskImport_CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ImportJobs_OrgUnits_TownId",
                        column: x => x.TownId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IssuanceBatches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    TownId = table.Column<int>(type: "integer", nullable: false),
                    BankId = table.Column<int>(type: "integer", nullable: false),
                    Route = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IssuanceBatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IssuanceBatches_Banks_BankId",
                        column: x => x.BankId,
                        principalTable: "Banks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IssuanceBatches_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IssuanceBatches_OrgUnits_TownId",
                        column: x => x.TownId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TownSignatures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    TownId = table.Column<int>(type: "integer", nullable: false),
                    SignedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    SignedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Digest = table.Column<string>(type: "character varying(68)", maxLength: 68, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TownSignatures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TownSignatures_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TownSignatures_OrgUnits_TownId",
                        column: x => x.TownId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VillageSubmissions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    VillageId = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VillageSubmissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VillageSubmissions_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VillageSubmissions_OrgUnits_VillageId",
                        column: x => x.VillageId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WeeklySnapshots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Week = table.Column<int>(type: "integer", nullable: false),
                    TakenAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TakenById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
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
                name: "CardEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    CardId = table.Column<long>(type: "bigint", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    FromState = table.Column<int>(type: "integer", nullable: true),
                    ToState = table.Column<int>(type: "integer", nullable: false),
                    Action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CustodianKind = table.Column<int>(type: "integer", nullable: false),
                    CustodianPlaceId = table.Column<int>(type: "integer", nullable: true),
                    CustodianPerson = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Responsible = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Method = table.Column<int>(type: "integer", nullable: false),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Note = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    HandoverId = table.Column<long>(type: "bigint", nullable: true),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    HandoverId = table.Column<long>(type: "bigint", nullable: false),
                    CardId = table.Column<long>(type: "bigint", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
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
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    CardId = table.Column<long>(type: "bigint", nullable: false),
                    Group = table.Column<int>(type: "integer", nullable: false),
                    CustodianName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    RequestedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    DecidedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RefusalReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
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
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    CardId = table.Column<long>(type: "bigint", nullable: false),
                    VillageId = table.Column<int>(type: "integer", nullable: false),
                    LastCustodian = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NoticedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Circumstances = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SignedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    SignedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AcknowledgedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    AcknowledgedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    CardId = table.Column<long>(type: "bigint", nullable: false),
                    AttemptedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Succeeded = table.Column<bool>(type: "boolean", nullable: false),
                    FailureReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "ArchivedFiles",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    VolumeId = table.Column<long>(type: "bigint", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    FileNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Page = table.Column<int>(type: "integer", nullable: false),
                    Pages = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Cipher = table.Column<byte[]>(type: "bytea", nullable: false),
                    Sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArchivedFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ArchivedFiles_ArchiveVolumes_VolumeId",
                        column: x => x.VolumeId,
                        principalTable: "ArchiveVolumes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ImportFileChunks",
                columns: table => new
                {
                    JobId = table.Column<long>(type: "bigint", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    Cipher = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportFileChunks", x => new { x.JobId, x.Number });
                    table.ForeignKey(
                        name: "FK_ImportFileChunks_ImportJobs_JobId",
                        column: x => x.JobId,
                        principalTable: "ImportJobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TaskRows",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    VillageId = table.Column<int>(type: "integer", nullable: false),
                    ResidentGroupId = table.Column<int>(type: "integer", nullable: true),
                    ImportId = table.Column<long>(type: "bigint", nullable: false),
                    SourceNumber = table.Column<int>(type: "integer", nullable: true),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    IdNumberCipher = table.Column<byte[]>(type: "bytea", nullable: false),
                    IdNumberHash = table.Column<byte[]>(type: "bytea", fixedLength: true, maxLength: 16, nullable: false),
                    IdNumberMasked = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    BankCardCipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    BankCardMasked = table.Column<string>(type: "character varying(25)", maxLength: 25, nullable: true),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ImportFlags = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    VerifierId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    AssignedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                        name: "FK_TaskRows_ImportJobs_ImportId",
                        column: x => x.ImportId,
                        principalTable: "ImportJobs",
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
                });

            migrationBuilder.CreateTable(
                name: "IssuanceCases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    VillageId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    IdNumberCipher = table.Column<byte[]>(type: "bytea", nullable: false),
                    IdNumberHash = table.Column<byte[]>(type: "bytea", fixedLength: true, maxLength: 16, nullable: false),
                    IdNumberMasked = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    Comparison = table.Column<int>(type: "integer", nullable: false),
                    ComparisonNote = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ApplyingUnit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ComparedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Stage = table.Column<int>(type: "integer", nullable: false),
                    Elements = table.Column<string>(type: "text", nullable: true),
                    HasPhoto = table.Column<bool>(type: "boolean", nullable: false),
                    VerifiedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    VerifiedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    BatchId = table.Column<long>(type: "bigint", nullable: true),
                    Route = table.Column<int>(type: "integer", nullable: true),
                    FailureReason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CardId = table.Column<long>(type: "bigint", nullable: true),
                    MadeAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    IssuedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ActivatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IssuanceCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IssuanceCases_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IssuanceCases_Cards_CardId",
                        column: x => x.CardId,
                        principalTable: "Cards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IssuanceCases_IssuanceBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "IssuanceBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IssuanceCases_OrgUnits_VillageId",
                        column: x => x.VillageId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SubmissionStep",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    SubmissionId = table.Column<long>(type: "bigint", nullable: false),
                    From = table.Column<int>(type: "integer", nullable: false),
                    To = table.Column<int>(type: "integer", nullable: false),
                    ById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Digest = table.Column<string>(type: "character varying(68)", maxLength: 68, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubmissionStep", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SubmissionStep_VillageSubmissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "VillageSubmissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SnapshotLine",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    SnapshotId = table.Column<long>(type: "bigint", nullable: false),
                    VillageId = table.Column<int>(type: "integer", nullable: false),
                    TaskRows = table.Column<int>(type: "integer", nullable: false),
                    Verified = table.Column<int>(type: "integer", nullable: false),
                    ReceivedInUse = table.Column<int>(type: "integer", nullable: false),
                    ReceivedDeceased = table.Column<int>(type: "integer", nullable: false),
                    NotReceivedHandedIn = table.Column<int>(type: "integer", nullable: false),
                    NotReceivedDeceased = table.Column<int>(type: "integer", nullable: false),
                    Flagged = table.Column<int>(type: "integer", nullable: false),
                    FraudCases = table.Column<int>(type: "integer", nullable: false),
                    Recovered = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    StockCards = table.Column<int>(type: "integer", nullable: false),
                    LostCards = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "FindingAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    TaskRowId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    ContentType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Cipher = table.Column<byte[]>(type: "bytea", nullable: false),
                    Size = table.Column<int>(type: "integer", nullable: false),
                    UploadedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FindingAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FindingAttachments_TaskRows_TaskRowId",
                        column: x => x.TaskRowId,
                        principalTable: "TaskRows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SuspiciousIssues",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    TaskRowId = table.Column<long>(type: "bigint", nullable: false),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    VillageId = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Details = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RaisedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    RaisedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Resolution = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ClosedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ClosedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                name: "TaskAssignments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    TaskRowId = table.Column<long>(type: "bigint", nullable: false),
                    FromVerifierId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ToVerifierId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "VerificationRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    TaskRowId = table.Column<long>(type: "bigint", nullable: false),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    VillageId = table.Column<int>(type: "integer", nullable: false),
                    Outcome = table.Column<int>(type: "integer", nullable: false),
                    DeclaredToCounty = table.Column<bool>(type: "boolean", nullable: false),
                    DeathDate = table.Column<DateOnly>(type: "date", nullable: true),
                    HandedInTo = table.Column<int>(type: "integer", nullable: true),
                    HandedInBank = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    HandedInDate = table.Column<DateOnly>(type: "date", nullable: true),
                    CardWhereabouts = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    VisitedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Signature = table.Column<int>(type: "integer", nullable: false),
                    ProxyName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ProxyRelation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AttachmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    RecordedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VerificationRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VerificationRecords_TaskRows_TaskRowId",
                        column: x => x.TaskRowId,
                        principalTable: "TaskRows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VerificationVersions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    TaskRowId = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Finding = table.Column<string>(type: "text", nullable: false),
                    Changes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ChangedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ChangedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PlaceLatitude = table.Column<double>(type: "double precision", nullable: true),
                    PlaceLongitude = table.Column<double>(type: "double precision", nullable: true),
                    PlaceAccuracyMeters = table.Column<double>(type: "double precision", nullable: true),
                    PlacedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VerificationVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VerificationVersions_TaskRows_TaskRowId",
                        column: x => x.TaskRowId,
                        principalTable: "TaskRows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IssuanceAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    CaseId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    ContentType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Cipher = table.Column<byte[]>(type: "bytea", nullable: false),
                    Size = table.Column<int>(type: "integer", nullable: false),
                    UploadedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IssuanceAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IssuanceAttachments_IssuanceCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "IssuanceCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReturnedRows",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    StepId = table.Column<long>(type: "bigint", nullable: false),
                    TaskRowId = table.Column<long>(type: "bigint", nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReturnedRows", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReturnedRows_SubmissionStep_StepId",
                        column: x => x.StepId,
                        principalTable: "SubmissionStep",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReturnedRows_TaskRows_TaskRowId",
                        column: x => x.TaskRowId,
                        principalTable: "TaskRows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FraudCases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    IssueId = table.Column<long>(type: "bigint", nullable: false),
                    TaskRowId = table.Column<long>(type: "bigint", nullable: false),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    VillageId = table.Column<int>(type: "integer", nullable: false),
                    AmountClaimed = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: false),
                    ReportedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    OpenedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    OpenedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReferredOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FraudCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FraudCases_SuspiciousIssues_IssueId",
                        column: x => x.IssueId,
                        principalTable: "SuspiciousIssues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IssueComment",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    IssueId = table.Column<long>(type: "bigint", nullable: false),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "FraudRecovery",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<int>(type: "integer", nullable: false),
                    CaseId = table.Column<long>(type: "bigint", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    RecoveredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FraudRecovery", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FraudRecovery_FraudCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "FraudCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ArchivedFiles_VolumeId_Sequence",
                table: "ArchivedFiles",
                columns: new[] { "VolumeId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ArchiveVolumes_CampaignId_Year_Category_BusinessLink_Number",
                table: "ArchiveVolumes",
                columns: new[] { "CampaignId", "Year", "Category", "BusinessLink", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_OrgUnitId",
                table: "AspNetUsers",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_TenantId_OrgUnitId",
                table: "AspNetUsers",
                columns: new[] { "TenantId", "OrgUnitId" });

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Banks_TenantId_Name",
                table: "Banks",
                columns: new[] { "TenantId", "Name" },
                unique: true);

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
                name: "IX_CampaignVillage_TownId_CampaignId",
                table: "CampaignVillage",
                columns: new[] { "TownId", "CampaignId" });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignVillage_VillageId",
                table: "CampaignVillage",
                column: "VillageId");

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
                filter: "\"State\" <> 7");

            migrationBuilder.CreateIndex(
                name: "IX_Cards_VillageId_State",
                table: "Cards",
                columns: new[] { "VillageId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_CustodyAuthorisations_CardId",
                table: "CustodyAuthorisations",
                column: "CardId");

            migrationBuilder.CreateIndex(
                name: "IX_EndedSessions_EndedAtUtc",
                table: "EndedSessions",
                column: "EndedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_FindingAttachments_TaskRowId",
                table: "FindingAttachments",
                column: "TaskRowId");

            migrationBuilder.CreateIndex(
                name: "IX_FraudCases_CampaignId_VillageId",
                table: "FraudCases",
                columns: new[] { "CampaignId", "VillageId" });

            migrationBuilder.CreateIndex(
                name: "IX_FraudCases_IssueId",
                table: "FraudCases",
                column: "IssueId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FraudRecovery_CaseId",
                table: "FraudRecovery",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportJobs_Status",
                table: "ImportJobs",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_ImportJobs_TaskImport_CampaignId",
                table: "ImportJobs",
                column: "TaskImport_CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportJobs_TenantId_TaskImport_CampaignId",
                table: "ImportJobs",
                columns: new[] { "TenantId", "TaskImport_CampaignId" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportJobs_TenantId_TownId",
                table: "ImportJobs",
                columns: new[] { "TenantId", "TownId" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportJobs_TownId",
                table: "ImportJobs",
                column: "TownId");

            migrationBuilder.CreateIndex(
                name: "IX_IssuanceAttachments_CaseId",
                table: "IssuanceAttachments",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_IssuanceBatches_BankId",
                table: "IssuanceBatches",
                column: "BankId");

            migrationBuilder.CreateIndex(
                name: "IX_IssuanceBatches_CampaignId_Number",
                table: "IssuanceBatches",
                columns: new[] { "CampaignId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IssuanceBatches_TownId",
                table: "IssuanceBatches",
                column: "TownId");

            migrationBuilder.CreateIndex(
                name: "IX_IssuanceCases_BatchId",
                table: "IssuanceCases",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_IssuanceCases_CampaignId_IdNumberHash",
                table: "IssuanceCases",
                columns: new[] { "CampaignId", "IdNumberHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IssuanceCases_CampaignId_VillageId_Stage_TenantId",
                table: "IssuanceCases",
                columns: new[] { "CampaignId", "VillageId", "Stage", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_IssuanceCases_CardId",
                table: "IssuanceCases",
                column: "CardId");

            migrationBuilder.CreateIndex(
                name: "IX_IssuanceCases_VillageId",
                table: "IssuanceCases",
                column: "VillageId");

            migrationBuilder.CreateIndex(
                name: "IX_IssueComment_IssueId",
                table: "IssueComment",
                column: "IssueId");

            migrationBuilder.CreateIndex(
                name: "IX_LostCardReports_CardId",
                table: "LostCardReports",
                column: "CardId");

            migrationBuilder.CreateIndex(
                name: "IX_LostCardReports_VillageId",
                table: "LostCardReports",
                column: "VillageId");

            migrationBuilder.CreateIndex(
                name: "IX_OrgUnits_ParentId_Name",
                table: "OrgUnits",
                columns: new[] { "ParentId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OrgUnits_TenantId_Code",
                table: "OrgUnits",
                columns: new[] { "TenantId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PasswordHistory_UserId",
                table: "PasswordHistory",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_ReturnedRows_StepId",
                table: "ReturnedRows",
                column: "StepId");

            migrationBuilder.CreateIndex(
                name: "IX_ReturnedRows_TaskRowId",
                table: "ReturnedRows",
                column: "TaskRowId");

            migrationBuilder.CreateIndex(
                name: "IX_SecondIssueAttempts_CardId",
                table: "SecondIssueAttempts",
                column: "CardId");

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_Chain_Sequence",
                table: "SecurityEvents",
                columns: new[] { "Chain", "Sequence" },
                unique: true,
                filter: "\"Sequence\" > 0");

            migrationBuilder.CreateIndex(
                name: "IX_SecurityEvents_TenantId_AtUtc",
                table: "SecurityEvents",
                columns: new[] { "TenantId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SnapshotLine_SnapshotId",
                table: "SnapshotLine",
                column: "SnapshotId");

            migrationBuilder.CreateIndex(
                name: "IX_SubmissionStep_SubmissionId",
                table: "SubmissionStep",
                column: "SubmissionId");

            migrationBuilder.CreateIndex(
                name: "IX_SuspiciousIssues_CampaignId_VillageId_ClosedAtUtc",
                table: "SuspiciousIssues",
                columns: new[] { "CampaignId", "VillageId", "ClosedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SuspiciousIssues_TaskRowId",
                table: "SuspiciousIssues",
                column: "TaskRowId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskAssignments_TaskRowId",
                table: "TaskAssignments",
                column: "TaskRowId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskRows_CampaignId_IdNumberHash",
                table: "TaskRows",
                columns: new[] { "CampaignId", "IdNumberHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TaskRows_CampaignId_VillageId_ResidentGroupId_TenantId",
                table: "TaskRows",
                columns: new[] { "CampaignId", "VillageId", "ResidentGroupId", "TenantId" });

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
                name: "IX_Tenants_Code",
                table: "Tenants",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TownSignatures_CampaignId_TownId",
                table: "TownSignatures",
                columns: new[] { "CampaignId", "TownId" });

            migrationBuilder.CreateIndex(
                name: "IX_TownSignatures_TownId",
                table: "TownSignatures",
                column: "TownId");

            migrationBuilder.CreateIndex(
                name: "IX_VerificationRecords_CampaignId_VillageId_Outcome",
                table: "VerificationRecords",
                columns: new[] { "CampaignId", "VillageId", "Outcome" });

            migrationBuilder.CreateIndex(
                name: "IX_VerificationRecords_CampaignId_VillageId_Outcome_TenantId",
                table: "VerificationRecords",
                columns: new[] { "CampaignId", "VillageId", "Outcome", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_VerificationRecords_TaskRowId",
                table: "VerificationRecords",
                column: "TaskRowId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VerificationVersions_TaskRowId_Version",
                table: "VerificationVersions",
                columns: new[] { "TaskRowId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VillageAliases_TenantId_Alias",
                table: "VillageAliases",
                columns: new[] { "TenantId", "Alias" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VillageAliases_VillageId",
                table: "VillageAliases",
                column: "VillageId");

            migrationBuilder.CreateIndex(
                name: "IX_VillageSubmissions_CampaignId_VillageId",
                table: "VillageSubmissions",
                columns: new[] { "CampaignId", "VillageId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VillageSubmissions_VillageId",
                table: "VillageSubmissions",
                column: "VillageId");

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
                name: "ArchivedFiles");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "CampaignPhase");

            migrationBuilder.DropTable(
                name: "CampaignVillage");

            migrationBuilder.DropTable(
                name: "CardEvents");

            migrationBuilder.DropTable(
                name: "CardHandoverLines");

            migrationBuilder.DropTable(
                name: "CustodyAuthorisations");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "EndedSessions");

            migrationBuilder.DropTable(
                name: "FindingAttachments");

            migrationBuilder.DropTable(
                name: "FraudRecovery");

            migrationBuilder.DropTable(
                name: "ImportFileChunks");

            migrationBuilder.DropTable(
                name: "IssuanceAttachments");

            migrationBuilder.DropTable(
                name: "IssueComment");

            migrationBuilder.DropTable(
                name: "LostCardReports");

            migrationBuilder.DropTable(
                name: "PasswordHistory");

            migrationBuilder.DropTable(
                name: "ProcessedRequests");

            migrationBuilder.DropTable(
                name: "ReturnedRows");

            migrationBuilder.DropTable(
                name: "SecondIssueAttempts");

            migrationBuilder.DropTable(
                name: "SecurityEvents");

            migrationBuilder.DropTable(
                name: "SnapshotLine");

            migrationBuilder.DropTable(
                name: "TaskAssignments");

            migrationBuilder.DropTable(
                name: "TownSignatures");

            migrationBuilder.DropTable(
                name: "VerificationRecords");

            migrationBuilder.DropTable(
                name: "VerificationVersions");

            migrationBuilder.DropTable(
                name: "VillageAliases");

            migrationBuilder.DropTable(
                name: "ArchiveVolumes");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "FraudCases");

            migrationBuilder.DropTable(
                name: "IssuanceCases");

            migrationBuilder.DropTable(
                name: "SubmissionStep");

            migrationBuilder.DropTable(
                name: "WeeklySnapshots");

            migrationBuilder.DropTable(
                name: "SuspiciousIssues");

            migrationBuilder.DropTable(
                name: "Cards");

            migrationBuilder.DropTable(
                name: "IssuanceBatches");

            migrationBuilder.DropTable(
                name: "VillageSubmissions");

            migrationBuilder.DropTable(
                name: "TaskRows");

            migrationBuilder.DropTable(
                name: "CardHandovers");

            migrationBuilder.DropTable(
                name: "Banks");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "ImportJobs");

            migrationBuilder.DropTable(
                name: "Campaigns");

            migrationBuilder.DropTable(
                name: "OrgUnits");

            migrationBuilder.DropTable(
                name: "Tenants");
        }
    }
}
