// The cluster shape: App Service (Linux, Node 20) with 2+ instances running the API and serving the tab (/tab/) and
// the add-in (/addin/) from one https origin, Azure Database for PostgreSQL (flexible server) as the shared store
// that coordinates the instances, and a Storage account whose blob container holds the attachment bytes they share.
// README, "Running several instances", says what must be equal on every instance and why.
@description('Used in resource names; the default is unique per resource group.')
@maxLength(40)
param resourceBaseName string = 'service-messaging-${uniqueString(resourceGroup().id)}'

param location string = resourceGroup().location

@description('App Service plan SKU. B1 keeps the app always on and scales to 3 instances; P0v3 and up scale further.')
param webAppSku string = 'B1'

@description('API instances. Two or more: a deploy or a crashed instance then leaves another serving.')
@minValue(1)
@maxValue(30)
param instanceCount int = 2

@description('Client id of the Entra app users sign in to (written by aadApp/create).')
param aadAppClientId string

@description('Tenant id of that registration.')
param aadAppTenantId string

param aadAppOauthAuthorityHost string = 'https://login.microsoftonline.com'

@description('Comma-separated object ids of users who are always administrators, for tenants that do not assign app roles.')
param adminObjectIds string = ''

@description('Seals secrets at rest; the same for every instance (openssl rand -base64 32). Losing it loses the stored client secrets.')
@secure()
param secretKey string

@description('PostgreSQL administrator the API connects as.')
param postgresAdminLogin string = 'servicedesk'

@description('Its password. The default is new on every deployment, which also writes it into DATABASE_URL.')
@secure()
param postgresAdminPassword string = '${newGuid()}-Sm1!'

@description('PostgreSQL compute. Burstable B1ms suits a small desk; General Purpose for a busy one.')
param postgresSkuName string = 'Standard_B1ms'

@allowed(['Burstable', 'GeneralPurpose', 'MemoryOptimized'])
param postgresSkuTier string = 'Burstable'

var databaseName = 'servicedesk'
var blobContainerName = 'attachments'
// Storage account names: 3-24 lower-case letters and digits, unique in Azure.
var storageAccountName = take('sm${uniqueString(resourceGroup().id, resourceBaseName)}', 24)

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
    capacity: instanceCount
  }
  properties: { reserved: true }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'app,linux'
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      // The API alone (no emulator, no demo): every instance the same.
      appCommandLine: 'npm run serve'
      alwaysOn: true
      // App Service stops routing to an instance whose health check fails (a lost database, say) until it recovers.
      healthCheckPath: '/api/health'
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
    }
  }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: resourceBaseName
  location: location
  sku: {
    name: postgresSkuName
    tier: postgresSkuTier
  }
  properties: {
    version: '15'
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    storage: { storageSizeGB: 32 }
    backup: {
      backupRetentionDays: 7
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: { mode: 'Disabled' }
    // Reached by the App Service over the internet with TLS (see the firewall rule below); a private network
    // (delegated subnet and VNet integration) is the stricter choice for a production desk.
    network: { publicNetworkAccess: 'Enabled' }
  }
}

resource postgresDatabase 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: postgres
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// The SR and Mail Center search indexes use pg_trgm; Azure allows only the extensions listed here.
resource postgresExtensions 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2024-08-01' = {
  parent: postgres
  name: 'azure.extensions'
  // One change at a time: the server refuses a second operation while one is running (ServerIsBusy).
  dependsOn: [postgresDatabase]
  properties: {
    value: 'PG_TRGM'
    source: 'user-defined'
  }
}

// 0.0.0.0 is Azure's "allow connections from Azure services"; the server still requires TLS and the password.
resource postgresFromAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: postgres
  name: 'AllowAzureServices'
  dependsOn: [postgresExtensions]
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: storageAccountName
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-01-01' = {
  parent: storage
  name: 'default'
}

resource blobContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-01-01' = {
  parent: blobService
  name: blobContainerName
  properties: { publicAccess: 'None' }
}

// A separate resource so the settings can use the site's own host name. Every instance reads the same settings,
// which is what keeps SECRET_KEY, DATABASE_URL and the blob store equal across them.
resource appSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: site
  name: 'appsettings'
  // The API migrates the schema at start: pg_trgm must be allowed and the server reachable by then.
  dependsOn: [postgresFromAzure]
  properties: {
    NODE_ENV: 'production'
    // /home is one share mounted on every instance and survives redeploys (wwwroot is replaced on every zip deploy).
    // The EC_ID keys are in the database; an ec-id-keys.json an older version left here is imported at start.
    DATA_DIR: '/home/data'
    // deploy uploads a built tree with node_modules; don't let Oryx rebuild it.
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
    PUBLIC_URL: 'https://${site.properties.defaultHostName}'
    TAB_DOMAIN: site.properties.defaultHostName
    AAD_APP_CLIENT_ID: aadAppClientId
    AAD_APP_TENANT_ID: aadAppTenantId
    AAD_APP_OAUTH_AUTHORITY_HOST: aadAppOauthAuthorityHost
    ADMIN_OBJECT_IDS: adminObjectIds
    SECRET_KEY: secretKey
    STORE: 'postgres'
    DATABASE_URL: 'postgres://${postgresAdminLogin}:${uriComponent(postgresAdminPassword)}@${postgres.properties.fullyQualifiedDomainName}:5432/${postgresDatabase.name}?sslmode=require'
    BLOB_STORE: 'azure'
    AZURE_STORAGE_CONNECTION_STRING: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
    AZURE_STORAGE_CONTAINER: blobContainer.name
  }
}

// arm/deploy writes each output to env/.env.<env> under the same name.
output API_APP_SERVICE_RESOURCE_ID string = site.id
output TAB_DOMAIN string = site.properties.defaultHostName
output TAB_ENDPOINT string = 'https://${site.properties.defaultHostName}'
output POSTGRES_SERVER string = postgres.properties.fullyQualifiedDomainName
output STORAGE_ACCOUNT string = storage.name
