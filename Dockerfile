# The web app and the sca command-line verbs in one image.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/SocialCardAudit.Web -c Release -o /app/web \
 && dotnet publish src/SocialCardAudit.Cli -c Release -o /app/cli

FROM mcr.microsoft.com/dotnet/aspnet:10.0
RUN apt-get update && apt-get install -y --no-install-recommends curl fonts-wqy-microhei && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app/web .
COPY --from=build /app/cli ./cli
ENV ASPNETCORE_URLS=http://+:8080 \
    DataProtection__KeysPath=/var/lib/socialcardaudit/keys \
    Logging__File__Path=/var/lib/socialcardaudit/logs/socialcardaudit-.log
VOLUME /var/lib/socialcardaudit
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=5 CMD curl -fsS http://localhost:8080/health || exit 1
ENTRYPOINT ["dotnet", "SocialCardAudit.Web.dll"]
