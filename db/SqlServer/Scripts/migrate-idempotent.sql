IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE TABLE [AspNetRoles] (
        [Id] nvarchar(450) NOT NULL,
        [Name] nvarchar(256) NULL,
        [NormalizedName] nvarchar(256) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoles] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE TABLE [CardHandovers] (
        [Id] bigint NOT NULL IDENTITY,
        [TenantId] int NOT NULL,
        [FromKind] int NOT NULL,
        [FromPlaceId] int NOT NULL,
        [ToKind] int NOT NULL,
        [ToPlaceId] int NOT NULL,
        [SentById] nvarchar(450) NOT NULL,
        [Sender] nvarchar(200) NOT NULL,
        [SentAtUtc] datetime2 NOT NULL,
        [Note] nvarchar(200) NULL,
        [ReceivedById] nvarchar(450) NULL,
        [Receiver] nvarchar(200) NULL,
        [ReceivedAtUtc] datetime2 NULL,
        [CountedByReceiver] int NULL,
        [State] int NOT NULL,
        CONSTRAINT [PK_CardHandovers] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE TABLE [DataProtectionKeys] (
        [Id] int NOT NULL IDENTITY,
        [FriendlyName] nvarchar(max) NULL,
        [Xml] nvarchar(max) NULL,
        CONSTRAINT [PK_DataProtectionKeys] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE TABLE [EndedSessions] (
        [Id] uniqueidentifier NOT NULL,
        [UserId] nvarchar(450) NOT NULL,
        [EndedAtUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_EndedSessions] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE TABLE [PasswordHistory] (
        [Id] bigint NOT NULL IDENTITY,
        [UserId] nvarchar(450) NOT NULL,
        [PasswordHash] nvarchar(max) NOT NULL,
        [ReplacedAtUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_PasswordHistory] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE TABLE [ProcessedRequests] (
        [Id] uniqueidentifier NOT NULL,
        [TenantId] int NOT NULL,
        [UserId] nvarchar(450) NOT NULL,
        [TaskRowId] bigint NOT NULL,
        [Version] int NOT NULL,
        [AtUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_ProcessedRequests] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE TABLE [SecurityEvents] (
        [Id] bigint NOT NULL IDENTITY,
        [Chain] int NOT NULL,
        [Sequence] bigint NOT NULL,
        [PreviousHash] nvarchar(68) NOT NULL,
        [Hash] nvarchar(68) NOT NULL,
        [TenantId] int NULL,
        [AtUtc] datetime2 NOT NULL,
        [Kind] int NOT NULL,
        [UserId] nvarchar(450) NULL,
        [UserName] nvarchar(256) NOT NULL,
        [RemoteIp] nvarchar(64) NULL,
        [Path] nvarchar(512) NULL,
        [Detail] nvarchar(512) NULL,
        CONSTRAINT [PK_SecurityEvents] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE TABLE [Tenants] (
        [Id] int NOT NULL IDENTITY,
        [Code] nvarchar(32) NOT NULL,
        [Name] nvarchar(50) NOT NULL,
        [TimeZone] nvarchar(64) NOT NULL DEFAULT N'Asia/Shanghai',
        [TwoFactorForStaff] bit NOT NULL,
        CONSTRAINT [PK_Tenants] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE TABLE [AspNetRoleClaims] (
        [Id] int NOT NULL IDENTITY,
        [RoleId] nvarchar(450) NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoleClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetRoleClaims_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE TABLE [Banks] (
        [Id] int NOT NULL IDENTITY,
        [TenantId] int NOT NULL,
        [Name] nvarchar(50) NOT NULL,
        CONSTRAINT [PK_Banks] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Banks_Tenants_TenantId] FOREIGN KEY ([TenantId]) REFERENCES [Tenants] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE TABLE [OrgUnits] (
        [Id] int NOT NULL IDENTITY,
        [TenantId] int NOT NULL,
        [ParentId] int NULL,
        [Level] int NOT NULL,
        [Code] nvarchar(32) NOT NULL,
        [Name] nvarchar(50) NOT NULL,
        CONSTRAINT [PK_OrgUnits] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_OrgUnits_OrgUnits_ParentId] FOREIGN KEY ([ParentId]) REFERENCES [OrgUnits] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_OrgUnits_Tenants_TenantId] FOREIGN KEY ([TenantId]) REFERENCES [Tenants] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE TABLE [AspNetUsers] (
        [Id] nvarchar(450) NOT NULL,
        [TenantId] int NOT NULL,
        [FullName] nvarchar(50) NOT NULL,
        [OrgUnitId] int NOT NULL,
        [IsDisabled] bit NOT NULL,
        [MustChangePassword] bit NOT NULL,
        [CreatedAtUtc] datetime2 NOT NULL,
        [PasswordChangedAtUtc] datetime2 NULL,
        [UserName] nvarchar(256) NULL,
        [NormalizedUserName] nvarchar(256) NULL,
        [Email] nvarchar(256) NULL,
        [NormalizedEmail] nvarchar(256) NULL,
        [EmailConfirmed] bit NOT NULL,
        [PasswordHash] nvarchar(max) NULL,
        [SecurityStamp] nvarchar(max) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        [PhoneNumber] nvarchar(20) NULL,
        [PhoneNumberConfirmed] bit NOT NULL,
        [TwoFactorEnabled] bit NOT NULL,
        [LockoutEnd] datetimeoffset NULL,
        [LockoutEnabled] bit NOT NULL,
        [AccessFailedCount] int NOT NULL,
        CONSTRAINT [PK_AspNetUsers] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUsers_OrgUnits_OrgUnitId] FOREIGN KEY ([OrgUnitId]) REFERENCES [OrgUnits] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_AspNetUsers_Tenants_TenantId] FOREIGN KEY ([TenantId]) REFERENCES [Tenants] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE TABLE [Campaigns] (
        [Id] int NOT NULL IDENTITY,
        [TenantId] int NOT NULL,
        [TownId] int NULL,
        [Code] nvarchar(32) NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [DocumentNumber] nvarchar(100) NOT NULL,
        [StartDate] date NOT NULL,
        [EndDate] date NOT NULL,
        [Kind] int NOT NULL,
        [ClosedAtUtc] datetime2 NULL,
        CONSTRAINT [PK_Campaigns] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Campaigns_OrgUnits_TownId] FOREIGN KEY ([TownId]) REFERENCES [OrgUnits] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE TABLE [Cards] (
        [Id] bigint NOT NULL IDENTITY,
        [TenantId] int NOT NULL,
        [HolderName] nvarchar(50) NOT NULL,
        [IdNumberCipher] varbinary(max) NOT NULL,
        [IdNumberHash] binary(16) NOT NULL,
        [IdNumberMasked] nvarchar(18) NOT NULL,
        [BankId] int NOT NULL,
        [CardNumberCipher] varbinary(max) NOT NULL,
        [CardNumberHash] binary(16) NOT NULL,
        [CardNumberMasked] nvarchar(25) NOT NULL,
        [VillageId] int NOT NULL,
        [RegisteredAtUtc] datetime2 NOT NULL,
        [SocialCardNumber] nvarchar(9) NULL,
        [ImportFlags] nvarchar(200) NULL,
        [State] int NOT NULL,
        [CustodianKind] int NOT NULL,
        [CustodianPlaceId] int NULL,
        [CustodianPerson] nvarchar(50) NULL,
        [SinceUtc] datetime2 NOT NULL,
        [HandoverId] bigint NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_Cards] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Cards_Banks_BankId] FOREIGN KEY ([BankId]) REFERENCES [Banks] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Cards_CardHandovers_HandoverId] FOREIGN KEY ([HandoverId]) REFERENCES [CardHandovers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Cards_OrgUnits_VillageId] FOREIGN KEY ([VillageId]) REFERENCES [OrgUnits] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE TABLE [VillageAliases] (
        [Id] int NOT NULL IDENTITY,
        [TenantId] int NOT NULL,
        [VillageId] int NOT NULL,
        [Alias] nvarchar(50) NOT NULL,
        CONSTRAINT [PK_VillageAliases] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_VillageAliases_OrgUnits_VillageId] FOREIGN KEY ([VillageId]) REFERENCES [OrgUnits] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserClaims] (
        [Id] int NOT NULL IDENTITY,
        [UserId] nvarchar(450) NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUserClaims_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserLogins] (
        [LoginProvider] nvarchar(450) NOT NULL,
        [ProviderKey] nvarchar(450) NOT NULL,
        [ProviderDisplayName] nvarchar(max) NULL,
        [UserId] nvarchar(450) NOT NULL,
        CONSTRAINT [PK_AspNetUserLogins] PRIMARY KEY ([LoginProvider], [ProviderKey]),
        CONSTRAINT [FK_AspNetUserLogins_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserRoles] (
        [UserId] nvarchar(450) NOT NULL,
        [RoleId] nvarchar(450) NOT NULL,
        CONSTRAINT [PK_AspNetUserRoles] PRIMARY KEY ([UserId], [RoleId]),
        CONSTRAINT [FK_AspNetUserRoles_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_AspNetUserRoles_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserTokens] (
        [UserId] nvarchar(450) NOT NULL,
        [LoginProvider] nvarchar(450) NOT NULL,
        [Name] nvarchar(450) NOT NULL,
        [Value] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserTokens] PRIMARY KEY ([UserId], [LoginProvider], [Name]),
        CONSTRAINT [FK_AspNetUserTokens_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE TABLE [ArchiveVolumes] (
        [Id] bigint NOT NULL IDENTITY,
        [TenantId] int NOT NULL,
        [CampaignId] int NOT NULL,
        [Year] int NOT NULL,
        [Category] nvarchar(8) NOT NULL,
        [BusinessLink] nvarchar(50) NOT NULL,
        [Number] int NOT NULL,
        [Retention] nvarchar(16) NOT NULL,
        [Title] nvarchar(100) NOT NULL,
        [Pages] int NOT NULL,
        [CompiledById] nvarchar(450) NOT NULL,
        [CompiledByName] nvarchar(256) NOT NULL,
        [CompiledAtUtc] datetime2 NOT NULL,
        [ManifestSha256] nchar(64) NOT NULL,
        CONSTRAINT [PK_ArchiveVolumes] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ArchiveVolumes_Campaigns_CampaignId] FOREIGN KEY ([CampaignId]) REFERENCES [Campaigns] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE TABLE [CampaignPhase] (
        [Id] int NOT NULL IDENTITY,
        [TenantId] int NOT NULL,
        [CampaignId] int NOT NULL,
        [Name] nvarchar(50) NOT NULL,
        [Deadline] date NOT NULL,
        CONSTRAINT [PK_CampaignPhase] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CampaignPhase_Campaigns_CampaignId] FOREIGN KEY ([CampaignId]) REFERENCES [Campaigns] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE TABLE [CampaignVillage] (
        [CampaignId] int NOT NULL,
        [VillageId] int NOT NULL,
        [TenantId] int NOT NULL,
        [TownId] int NOT NULL,
        CONSTRAINT [PK_CampaignVillage] PRIMARY KEY ([CampaignId], [VillageId]),
        CONSTRAINT [FK_CampaignVillage_Campaigns_CampaignId] FOREIGN KEY ([CampaignId]) REFERENCES [Campaigns] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_CampaignVillage_OrgUnits_TownId] FOREIGN KEY ([TownId]) REFERENCES [OrgUnits] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_CampaignVillage_OrgUnits_VillageId] FOREIGN KEY ([VillageId]) REFERENCES [OrgUnits] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE TABLE [ImportJobs] (
        [Id] bigint NOT NULL IDENTITY,
        [TenantId] int NOT NULL,
        [FileName] nvarchar(255) NOT NULL,
        [FileSize] bigint NOT NULL,
        [Sha256] nchar(64) NOT NULL,
        [UserId] nvarchar(450) NOT NULL,
        [UserName] nvarchar(256) NOT NULL,
        [CreatedAtUtc] datetime2 NOT NULL,
        [FinishedAtUtc] datetime2 NULL,
        [Status] int NOT NULL,
        [RunBy] nvarchar(200) NULL,
        [LeaseUntilUtc] datetime2 NULL,
        [Attempts] int NOT NULL,
        [CancelRequested] bit NOT NULL,
        [RowsRead] int NOT NULL,
        [RowsAccepted] int NOT NULL,
        [RowsStored] int NOT NULL,
        [Imported] int NOT NULL,
        [AlreadyPresent] int NOT NULL,
        [Rejected] int NOT NULL,
        [Flagged] int NOT NULL,
        [Message] nvarchar(1000) NULL,
        [Notes] nvarchar(max) NULL,
        [ErrorReportCipher] varbinary(max) NULL,
        [Kind] int NOT NULL,
        [TownId] int NULL,
        [CampaignId] int NULL,
        [TaskImport_CampaignId] int NULL,
        CONSTRAINT [PK_ImportJobs] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ImportJobs_Campaigns_TaskImport_CampaignId] FOREIGN KEY ([TaskImport_CampaignId]) REFERENCES [Campaigns] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_ImportJobs_OrgUnits_TownId] FOREIGN KEY ([TownId]) REFERENCES [OrgUnits] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE TABLE [IssuanceBatches] (
        [Id] bigint NOT NULL IDENTITY,
        [TenantId] int NOT NULL,
        [CampaignId] int NOT NULL,
        [TownId] int NOT NULL,
        [BankId] int NOT NULL,
        [Route] int NOT NULL,
        [Number] int NOT NULL,
        [CreatedById] nvarchar(450) NOT NULL,
        [CreatedByName] nvarchar(256) NOT NULL,
        [CreatedAtUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_IssuanceBatches] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_IssuanceBatches_Banks_BankId] FOREIGN KEY ([BankId]) REFERENCES [Banks] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_IssuanceBatches_Campaigns_CampaignId] FOREIGN KEY ([CampaignId]) REFERENCES [Campaigns] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_IssuanceBatches_OrgUnits_TownId] FOREIGN KEY ([TownId]) REFERENCES [OrgUnits] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE TABLE [TownSignatures] (
        [Id] bigint NOT NULL IDENTITY,
        [TenantId] int NOT NULL,
        [CampaignId] int NOT NULL,
        [TownId] int NOT NULL,
        [SignedById] nvarchar(450) NOT NULL,
        [SignedAtUtc] datetime2 NOT NULL,
        [Digest] nvarchar(68) NOT NULL,
        CONSTRAINT [PK_TownSignatures] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_TownSignatures_Campaigns_CampaignId] FOREIGN KEY ([CampaignId]) REFERENCES [Campaigns] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_TownSignatures_OrgUnits_TownId] FOREIGN KEY ([TownId]) REFERENCES [OrgUnits] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE TABLE [VillageSubmissions] (
        [Id] bigint NOT NULL IDENTITY,
        [TenantId] int NOT NULL,
        [CampaignId] int NOT NULL,
        [VillageId] int NOT NULL,
        [State] int NOT NULL,
        CONSTRAINT [PK_VillageSubmissions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_VillageSubmissions_Campaigns_CampaignId] FOREIGN KEY ([CampaignId]) REFERENCES [Campaigns] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_VillageSubmissions_OrgUnits_VillageId] FOREIGN KEY ([VillageId]) REFERENCES [OrgUnits] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE TABLE [WeeklySnapshots] (
        [Id] bigint NOT NULL IDENTITY,
        [TenantId] int NOT NULL,
        [CampaignId] int NOT NULL,
        [Year] int NOT NULL,
        [Week] int NOT NULL,
        [TakenAtUtc] datetime2 NOT NULL,
        [TakenById] nvarchar(450) NULL,
        CONSTRAINT [PK_WeeklySnapshots] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_WeeklySnapshots_Campaigns_CampaignId] FOREIGN KEY ([CampaignId]) REFERENCES [Campaigns] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE TABLE [CardEvents] (
        [Id] bigint NOT NULL IDENTITY,
        [TenantId] int NOT NULL,
        [CardId] bigint NOT NULL,
        [Sequence] int NOT NULL,
        [FromState] int NULL,
        [ToState] int NOT NULL,
        [Action] nvarchar(32) NOT NULL,
        [CustodianKind] int NOT NULL,
        [CustodianPlaceId] int NULL,
        [CustodianPerson] nvarchar(50) NULL,
        [ById] nvarchar(450) NOT NULL,
        [Responsible] nvarchar(200) NOT NULL,
        [Method] int NOT NULL,
        [Place] nvarchar(200) NULL,
        [Note] nvarchar(400) NULL,
        [HandoverId] bigint NULL,
        [AtUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_CardEvents] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CardEvents_Cards_CardId] FOREIGN KEY ([CardId]) REFERENCES [Cards] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE TABLE [CardHandoverLines] (
        [Id] bigint NOT NULL IDENTITY,
        [TenantId] int NOT NULL,
        [HandoverId] bigint NOT NULL,
        [CardId] bigint NOT NULL,
        [State] int NOT NULL,
        [Note] nvarchar(200) NULL,
        CONSTRAINT [PK_CardHandoverLines] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CardHandoverLines_CardHandovers_HandoverId] FOREIGN KEY ([HandoverId]) REFERENCES [CardHandovers] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_CardHandoverLines_Cards_CardId] FOREIGN KEY ([CardId]) REFERENCES [Cards] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE TABLE [CustodyAuthorisations] (
        [Id] bigint NOT NULL IDENTITY,
        [TenantId] int NOT NULL,
        [CardId] bigint NOT NULL,
        [Group] int NOT NULL,
        [CustodianName] nvarchar(200) NOT NULL,
        [Reason] nvarchar(200) NOT NULL,
        [From] date NOT NULL,
        [To] date NOT NULL,
        [RequestedById] nvarchar(450) NOT NULL,
        [RequestedAtUtc] datetime2 NOT NULL,
        [State] int NOT NULL,
        [DecidedById] nvarchar(450) NULL,
        [DecidedAtUtc] datetime2 NULL,
        [RefusalReason] nvarchar(200) NULL,
        CONSTRAINT [PK_CustodyAuthorisations] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CustodyAuthorisations_Cards_CardId] FOREIGN KEY ([CardId]) REFERENCES [Cards] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE TABLE [LostCardReports] (
        [Id] bigint NOT NULL IDENTITY,
        [TenantId] int NOT NULL,
        [CardId] bigint NOT NULL,
        [VillageId] int NOT NULL,
        [LastCustodian] nvarchar(200) NOT NULL,
        [NoticedOn] date NOT NULL,
        [Circumstances] nvarchar(200) NOT NULL,
        [SignedById] nvarchar(450) NOT NULL,
        [SignedAtUtc] datetime2 NOT NULL,
        [AcknowledgedById] nvarchar(450) NULL,
        [AcknowledgedAtUtc] datetime2 NULL,
        CONSTRAINT [PK_LostCardReports] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_LostCardReports_Cards_CardId] FOREIGN KEY ([CardId]) REFERENCES [Cards] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE TABLE [SecondIssueAttempts] (
        [Id] bigint NOT NULL IDENTITY,
        [TenantId] int NOT NULL,
        [CardId] bigint NOT NULL,
        [AttemptedOn] date NOT NULL,
        [Succeeded] bit NOT NULL,
        [FailureReason] nvarchar(200) NULL,
        [ById] nvarchar(450) NOT NULL,
        [AtUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_SecondIssueAttempts] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_SecondIssueAttempts_Cards_CardId] FOREIGN KEY ([CardId]) REFERENCES [Cards] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE TABLE [ArchivedFiles] (
        [Id] bigint NOT NULL IDENTITY,
        [TenantId] int NOT NULL,
        [VolumeId] bigint NOT NULL,
        [Sequence] int NOT NULL,
        [Title] nvarchar(200) NOT NULL,
        [Kind] int NOT NULL,
        [FileNumber] nvarchar(100) NOT NULL,
        [Page] int NOT NULL,
        [Pages] int NOT NULL,
        [FileName] nvarchar(200) NOT NULL,
        [ContentType] nvarchar(100) NOT NULL,
        [Cipher] varbinary(max) NOT NULL,
        [Sha256] nchar(64) NOT NULL,
        CONSTRAINT [PK_ArchivedFiles] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ArchivedFiles_ArchiveVolumes_VolumeId] FOREIGN KEY ([VolumeId]) REFERENCES [ArchiveVolumes] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE TABLE [ImportFileChunks] (
        [JobId] bigint NOT NULL,
        [Number] int NOT NULL,
        [TenantId] int NOT NULL,
        [Cipher] varbinary(max) NOT NULL,
        CONSTRAINT [PK_ImportFileChunks] PRIMARY KEY ([JobId], [Number]),
        CONSTRAINT [FK_ImportFileChunks_ImportJobs_JobId] FOREIGN KEY ([JobId]) REFERENCES [ImportJobs] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE TABLE [TaskRows] (
        [Id] bigint NOT NULL IDENTITY,
        [TenantId] int NOT NULL,
        [CampaignId] int NOT NULL,
        [VillageId] int NOT NULL,
        [ResidentGroupId] int NULL,
        [ImportId] bigint NOT NULL,
        [SourceNumber] int NULL,
        [Name] nvarchar(50) NOT NULL,
        [IdNumberCipher] varbinary(max) NOT NULL,
        [IdNumberHash] binary(16) NOT NULL,
        [IdNumberMasked] nvarchar(18) NOT NULL,
        [BankCardCipher] varbinary(max) NULL,
        [BankCardMasked] nvarchar(25) NULL,
        [Address] nvarchar(200) NULL,
        [Phone] nvarchar(30) NULL,
        [ImportFlags] nvarchar(500) NULL,
        [VerifierId] nvarchar(450) NULL,
        [AssignedAtUtc] datetime2 NULL,
        CONSTRAINT [PK_TaskRows] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_TaskRows_AspNetUsers_VerifierId] FOREIGN KEY ([VerifierId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_TaskRows_Campaigns_CampaignId] FOREIGN KEY ([CampaignId]) REFERENCES [Campaigns] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_TaskRows_ImportJobs_ImportId] FOREIGN KEY ([ImportId]) REFERENCES [ImportJobs] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_TaskRows_OrgUnits_ResidentGroupId] FOREIGN KEY ([ResidentGroupId]) REFERENCES [OrgUnits] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_TaskRows_OrgUnits_VillageId] FOREIGN KEY ([VillageId]) REFERENCES [OrgUnits] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE TABLE [IssuanceCases] (
        [Id] bigint NOT NULL IDENTITY,
        [TenantId] int NOT NULL,
        [CampaignId] int NOT NULL,
        [VillageId] int NOT NULL,
        [Name] nvarchar(50) NOT NULL,
        [IdNumberCipher] varbinary(max) NOT NULL,
        [IdNumberHash] binary(16) NOT NULL,
        [IdNumberMasked] nvarchar(18) NOT NULL,
        [Comparison] int NOT NULL,
        [ComparisonNote] nvarchar(200) NULL,
        [ApplyingUnit] nvarchar(100) NULL,
        [ComparedAtUtc] datetime2 NOT NULL,
        [Stage] int NOT NULL,
        [Elements] nvarchar(max) NULL,
        [HasPhoto] bit NOT NULL,
        [VerifiedById] nvarchar(450) NULL,
        [VerifiedAtUtc] datetime2 NULL,
        [BatchId] bigint NULL,
        [Route] int NULL,
        [FailureReason] nvarchar(300) NULL,
        [CardId] bigint NULL,
        [MadeAtUtc] datetime2 NULL,
        [IssuedAtUtc] datetime2 NULL,
        [ActivatedAtUtc] datetime2 NULL,
        CONSTRAINT [PK_IssuanceCases] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_IssuanceCases_Campaigns_CampaignId] FOREIGN KEY ([CampaignId]) REFERENCES [Campaigns] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_IssuanceCases_Cards_CardId] FOREIGN KEY ([CardId]) REFERENCES [Cards] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_IssuanceCases_IssuanceBatches_BatchId] FOREIGN KEY ([BatchId]) REFERENCES [IssuanceBatches] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_IssuanceCases_OrgUnits_VillageId] FOREIGN KEY ([VillageId]) REFERENCES [OrgUnits] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE TABLE [SubmissionStep] (
        [Id] bigint NOT NULL IDENTITY,
        [TenantId] int NOT NULL,
        [SubmissionId] bigint NOT NULL,
        [From] int NOT NULL,
        [To] int NOT NULL,
        [ById] nvarchar(450) NOT NULL,
        [AtUtc] datetime2 NOT NULL,
        [Reason] nvarchar(500) NULL,
        [Digest] nvarchar(68) NULL,
        CONSTRAINT [PK_SubmissionStep] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_SubmissionStep_VillageSubmissions_SubmissionId] FOREIGN KEY ([SubmissionId]) REFERENCES [VillageSubmissions] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE TABLE [SnapshotLine] (
        [Id] bigint NOT NULL IDENTITY,
        [TenantId] int NOT NULL,
        [SnapshotId] bigint NOT NULL,
        [VillageId] int NOT NULL,
        [TaskRows] int NOT NULL,
        [Verified] int NOT NULL,
        [ReceivedInUse] int NOT NULL,
        [ReceivedDeceased] int NOT NULL,
        [NotReceivedHandedIn] int NOT NULL,
        [NotReceivedDeceased] int NOT NULL,
        [Flagged] int NOT NULL,
        [FraudCases] int NOT NULL,
        [Recovered] decimal(14,2) NOT NULL,
        [StockCards] int NOT NULL,
        [LostCards] int NOT NULL,
        [State] int NOT NULL,
        CONSTRAINT [PK_SnapshotLine] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_SnapshotLine_WeeklySnapshots_SnapshotId] FOREIGN KEY ([SnapshotId]) REFERENCES [WeeklySnapshots] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE TABLE [FindingAttachments] (
        [Id] uniqueidentifier NOT NULL,
        [TenantId] int NOT NULL,
        [TaskRowId] bigint NOT NULL,
        [Kind] int NOT NULL,
        [ContentType] nvarchar(20) NOT NULL,
        [Cipher] varbinary(max) NOT NULL,
        [Size] int NOT NULL,
        [UploadedById] nvarchar(450) NOT NULL,
        [UploadedAtUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_FindingAttachments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_FindingAttachments_TaskRows_TaskRowId] FOREIGN KEY ([TaskRowId]) REFERENCES [TaskRows] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE TABLE [SuspiciousIssues] (
        [Id] bigint NOT NULL IDENTITY,
        [TenantId] int NOT NULL,
        [TaskRowId] bigint NOT NULL,
        [CampaignId] int NOT NULL,
        [VillageId] int NOT NULL,
        [Source] int NOT NULL,
        [Reason] nvarchar(100) NOT NULL,
        [Details] nvarchar(500) NULL,
        [RaisedById] nvarchar(450) NOT NULL,
        [RaisedAtUtc] datetime2 NOT NULL,
        [Resolution] nvarchar(500) NULL,
        [ClosedById] nvarchar(450) NULL,
        [ClosedAtUtc] datetime2 NULL,
        CONSTRAINT [PK_SuspiciousIssues] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_SuspiciousIssues_TaskRows_TaskRowId] FOREIGN KEY ([TaskRowId]) REFERENCES [TaskRows] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE TABLE [TaskAssignments] (
        [Id] bigint NOT NULL IDENTITY,
        [TenantId] int NOT NULL,
        [TaskRowId] bigint NOT NULL,
        [FromVerifierId] nvarchar(450) NULL,
        [ToVerifierId] nvarchar(450) NULL,
        [ByUserId] nvarchar(450) NOT NULL,
        [AtUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_TaskAssignments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_TaskAssignments_TaskRows_TaskRowId] FOREIGN KEY ([TaskRowId]) REFERENCES [TaskRows] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE TABLE [VerificationRecords] (
        [Id] bigint NOT NULL IDENTITY,
        [TenantId] int NOT NULL,
        [TaskRowId] bigint NOT NULL,
        [CampaignId] int NOT NULL,
        [VillageId] int NOT NULL,
        [Outcome] int NOT NULL,
        [DeclaredToCounty] bit NOT NULL,
        [DeathDate] date NULL,
        [HandedInTo] int NULL,
        [HandedInBank] nvarchar(50) NULL,
        [HandedInDate] date NULL,
        [CardWhereabouts] nvarchar(200) NULL,
        [Phone] nvarchar(30) NOT NULL,
        [VisitedAt] datetime2 NOT NULL,
        [Signature] int NOT NULL,
        [ProxyName] nvarchar(50) NULL,
        [ProxyRelation] nvarchar(20) NULL,
        [Note] nvarchar(500) NULL,
        [AttachmentId] uniqueidentifier NULL,
        [Version] int NOT NULL,
        [RecordedById] nvarchar(450) NOT NULL,
        [RecordedAtUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_VerificationRecords] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_VerificationRecords_TaskRows_TaskRowId] FOREIGN KEY ([TaskRowId]) REFERENCES [TaskRows] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE TABLE [VerificationVersions] (
        [Id] bigint NOT NULL IDENTITY,
        [TenantId] int NOT NULL,
        [TaskRowId] bigint NOT NULL,
        [Version] int NOT NULL,
        [Finding] nvarchar(max) NOT NULL,
        [Changes] nvarchar(2000) NOT NULL,
        [ChangedById] nvarchar(450) NOT NULL,
        [ChangedAtUtc] datetime2 NOT NULL,
        [PlaceLatitude] float NULL,
        [PlaceLongitude] float NULL,
        [PlaceAccuracyMeters] float NULL,
        [PlacedAtUtc] datetime2 NULL,
        CONSTRAINT [PK_VerificationVersions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_VerificationVersions_TaskRows_TaskRowId] FOREIGN KEY ([TaskRowId]) REFERENCES [TaskRows] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE TABLE [IssuanceAttachments] (
        [Id] uniqueidentifier NOT NULL,
        [TenantId] int NOT NULL,
        [CaseId] bigint NOT NULL,
        [Kind] int NOT NULL,
        [ContentType] nvarchar(20) NOT NULL,
        [Cipher] varbinary(max) NOT NULL,
        [Size] int NOT NULL,
        [UploadedById] nvarchar(450) NOT NULL,
        [UploadedAtUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_IssuanceAttachments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_IssuanceAttachments_IssuanceCases_CaseId] FOREIGN KEY ([CaseId]) REFERENCES [IssuanceCases] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE TABLE [ReturnedRows] (
        [Id] bigint NOT NULL IDENTITY,
        [TenantId] int NOT NULL,
        [StepId] bigint NOT NULL,
        [TaskRowId] bigint NOT NULL,
        [Reason] nvarchar(200) NOT NULL,
        CONSTRAINT [PK_ReturnedRows] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ReturnedRows_SubmissionStep_StepId] FOREIGN KEY ([StepId]) REFERENCES [SubmissionStep] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_ReturnedRows_TaskRows_TaskRowId] FOREIGN KEY ([TaskRowId]) REFERENCES [TaskRows] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE TABLE [FraudCases] (
        [Id] bigint NOT NULL IDENTITY,
        [TenantId] int NOT NULL,
        [IssueId] bigint NOT NULL,
        [TaskRowId] bigint NOT NULL,
        [CampaignId] int NOT NULL,
        [VillageId] int NOT NULL,
        [AmountClaimed] decimal(12,2) NOT NULL,
        [PeriodFrom] date NOT NULL,
        [PeriodTo] date NOT NULL,
        [ReportedOn] date NOT NULL,
        [Status] int NOT NULL,
        [Note] nvarchar(500) NULL,
        [OpenedById] nvarchar(450) NOT NULL,
        [OpenedAtUtc] datetime2 NOT NULL,
        [ReferredOn] date NULL,
        CONSTRAINT [PK_FraudCases] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_FraudCases_SuspiciousIssues_IssueId] FOREIGN KEY ([IssueId]) REFERENCES [SuspiciousIssues] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE TABLE [IssueComment] (
        [Id] bigint NOT NULL IDENTITY,
        [TenantId] int NOT NULL,
        [IssueId] bigint NOT NULL,
        [Text] nvarchar(500) NOT NULL,
        [ById] nvarchar(450) NOT NULL,
        [AtUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_IssueComment] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_IssueComment_SuspiciousIssues_IssueId] FOREIGN KEY ([IssueId]) REFERENCES [SuspiciousIssues] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE TABLE [FraudRecovery] (
        [Id] bigint NOT NULL IDENTITY,
        [TenantId] int NOT NULL,
        [CaseId] bigint NOT NULL,
        [Amount] decimal(12,2) NOT NULL,
        [RecoveredOn] date NOT NULL,
        [ById] nvarchar(450) NOT NULL,
        [AtUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_FraudRecovery] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_FraudRecovery_FraudCases_CaseId] FOREIGN KEY ([CaseId]) REFERENCES [FraudCases] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ArchivedFiles_VolumeId_Sequence] ON [ArchivedFiles] ([VolumeId], [Sequence]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ArchiveVolumes_CampaignId_Year_Category_BusinessLink_Number] ON [ArchiveVolumes] ([CampaignId], [Year], [Category], [BusinessLink], [Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetRoleClaims_RoleId] ON [AspNetRoleClaims] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [RoleNameIndex] ON [AspNetRoles] ([NormalizedName]) WHERE [NormalizedName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserClaims_UserId] ON [AspNetUserClaims] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserLogins_UserId] ON [AspNetUserLogins] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserRoles_RoleId] ON [AspNetUserRoles] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [EmailIndex] ON [AspNetUsers] ([NormalizedEmail]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUsers_OrgUnitId] ON [AspNetUsers] ([OrgUnitId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUsers_TenantId_OrgUnitId] ON [AspNetUsers] ([TenantId], [OrgUnitId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UserNameIndex] ON [AspNetUsers] ([NormalizedUserName]) WHERE [NormalizedUserName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Banks_TenantId_Name] ON [Banks] ([TenantId], [Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_CampaignPhase_CampaignId] ON [CampaignPhase] ([CampaignId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Campaigns_TenantId_Code] ON [Campaigns] ([TenantId], [Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_Campaigns_TownId] ON [Campaigns] ([TownId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_CampaignVillage_TownId_CampaignId] ON [CampaignVillage] ([TownId], [CampaignId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_CampaignVillage_VillageId] ON [CampaignVillage] ([VillageId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_CardEvents_CardId_Sequence] ON [CardEvents] ([CardId], [Sequence]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_CardEvents_HandoverId] ON [CardEvents] ([HandoverId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_CardHandoverLines_CardId] ON [CardHandoverLines] ([CardId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_CardHandoverLines_HandoverId_CardId] ON [CardHandoverLines] ([HandoverId], [CardId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_CardHandovers_FromKind_FromPlaceId_State] ON [CardHandovers] ([FromKind], [FromPlaceId], [State]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_CardHandovers_ToKind_ToPlaceId_State] ON [CardHandovers] ([ToKind], [ToPlaceId], [State]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_Cards_BankId] ON [Cards] ([BankId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_Cards_CustodianKind_CustodianPlaceId_State] ON [Cards] ([CustodianKind], [CustodianPlaceId], [State]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_Cards_HandoverId] ON [Cards] ([HandoverId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Cards_TenantId_CardNumberHash] ON [Cards] ([TenantId], [CardNumberHash]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_Cards_TenantId_IdNumberHash_BankId] ON [Cards] ([TenantId], [IdNumberHash], [BankId]) WHERE "State" <> 7');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_Cards_VillageId_State] ON [Cards] ([VillageId], [State]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_CustodyAuthorisations_CardId] ON [CustodyAuthorisations] ([CardId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_EndedSessions_EndedAtUtc] ON [EndedSessions] ([EndedAtUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_FindingAttachments_TaskRowId] ON [FindingAttachments] ([TaskRowId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_FraudCases_CampaignId_VillageId] ON [FraudCases] ([CampaignId], [VillageId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_FraudCases_IssueId] ON [FraudCases] ([IssueId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_FraudRecovery_CaseId] ON [FraudRecovery] ([CaseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_ImportJobs_Status] ON [ImportJobs] ([Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_ImportJobs_TaskImport_CampaignId] ON [ImportJobs] ([TaskImport_CampaignId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_ImportJobs_TenantId_TaskImport_CampaignId] ON [ImportJobs] ([TenantId], [TaskImport_CampaignId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_ImportJobs_TenantId_TownId] ON [ImportJobs] ([TenantId], [TownId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_ImportJobs_TownId] ON [ImportJobs] ([TownId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_IssuanceAttachments_CaseId] ON [IssuanceAttachments] ([CaseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_IssuanceBatches_BankId] ON [IssuanceBatches] ([BankId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_IssuanceBatches_CampaignId_Number] ON [IssuanceBatches] ([CampaignId], [Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_IssuanceBatches_TownId] ON [IssuanceBatches] ([TownId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_IssuanceCases_BatchId] ON [IssuanceCases] ([BatchId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_IssuanceCases_CampaignId_IdNumberHash] ON [IssuanceCases] ([CampaignId], [IdNumberHash]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_IssuanceCases_CampaignId_VillageId_Stage_TenantId] ON [IssuanceCases] ([CampaignId], [VillageId], [Stage], [TenantId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_IssuanceCases_CardId] ON [IssuanceCases] ([CardId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_IssuanceCases_VillageId] ON [IssuanceCases] ([VillageId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_IssueComment_IssueId] ON [IssueComment] ([IssueId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_LostCardReports_CardId] ON [LostCardReports] ([CardId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_LostCardReports_VillageId] ON [LostCardReports] ([VillageId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_OrgUnits_ParentId_Name] ON [OrgUnits] ([ParentId], [Name]) WHERE [ParentId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_OrgUnits_TenantId_Code] ON [OrgUnits] ([TenantId], [Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_PasswordHistory_UserId] ON [PasswordHistory] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_ReturnedRows_StepId] ON [ReturnedRows] ([StepId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_ReturnedRows_TaskRowId] ON [ReturnedRows] ([TaskRowId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_SecondIssueAttempts_CardId] ON [SecondIssueAttempts] ([CardId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_SecurityEvents_Chain_Sequence] ON [SecurityEvents] ([Chain], [Sequence]) WHERE "Sequence" > 0');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_SecurityEvents_TenantId_AtUtc] ON [SecurityEvents] ([TenantId], [AtUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_SnapshotLine_SnapshotId] ON [SnapshotLine] ([SnapshotId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_SubmissionStep_SubmissionId] ON [SubmissionStep] ([SubmissionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_SuspiciousIssues_CampaignId_VillageId_ClosedAtUtc] ON [SuspiciousIssues] ([CampaignId], [VillageId], [ClosedAtUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_SuspiciousIssues_TaskRowId] ON [SuspiciousIssues] ([TaskRowId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_TaskAssignments_TaskRowId] ON [TaskAssignments] ([TaskRowId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_TaskRows_CampaignId_IdNumberHash] ON [TaskRows] ([CampaignId], [IdNumberHash]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_TaskRows_CampaignId_VillageId_ResidentGroupId_TenantId] ON [TaskRows] ([CampaignId], [VillageId], [ResidentGroupId], [TenantId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_TaskRows_ImportId] ON [TaskRows] ([ImportId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_TaskRows_ResidentGroupId] ON [TaskRows] ([ResidentGroupId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_TaskRows_TenantId_VerifierId] ON [TaskRows] ([TenantId], [VerifierId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_TaskRows_VerifierId] ON [TaskRows] ([VerifierId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_TaskRows_VillageId] ON [TaskRows] ([VillageId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Tenants_Code] ON [Tenants] ([Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_TownSignatures_CampaignId_TownId] ON [TownSignatures] ([CampaignId], [TownId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_TownSignatures_TownId] ON [TownSignatures] ([TownId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_VerificationRecords_CampaignId_VillageId_Outcome] ON [VerificationRecords] ([CampaignId], [VillageId], [Outcome]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_VerificationRecords_CampaignId_VillageId_Outcome_TenantId] ON [VerificationRecords] ([CampaignId], [VillageId], [Outcome], [TenantId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_VerificationRecords_TaskRowId] ON [VerificationRecords] ([TaskRowId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_VerificationVersions_TaskRowId_Version] ON [VerificationVersions] ([TaskRowId], [Version]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_VillageAliases_TenantId_Alias] ON [VillageAliases] ([TenantId], [Alias]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_VillageAliases_VillageId] ON [VillageAliases] ([VillageId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_VillageSubmissions_CampaignId_VillageId] ON [VillageSubmissions] ([CampaignId], [VillageId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE INDEX [IX_VillageSubmissions_VillageId] ON [VillageSubmissions] ([VillageId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_WeeklySnapshots_CampaignId_Year_Week] ON [WeeklySnapshots] ([CampaignId], [Year], [Week]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202121412_Initial'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261202121412_Initial', N'10.0.14');
END;

COMMIT;
GO

