// App Service (Linux, Node 20) that runs the API and serves the tab (/tab/) and the add-in (/addin/)
// from one https origin, so the app package needs a single validDomains entry and no CORS.
@description('Used in resource names; the default is unique per resource group.')
@maxLength(40)
param resourceBaseName string = 'service-messaging-${uniqueString(resourceGroup().id)}'

param location string = resourceGroup().location

@description('App Service plan SKU. B1 is the smallest that keeps the app always on (the mail sync runs in-process).')
param webAppSku string = 'B1'

@description('Client id of the Entra app users sign in to (written by aadApp/create).')
param aadAppClientId string

@description('Tenant id of that registration.')
param aadAppTenantId string

param aadAppOauthAuthorityHost string = 'https://login.microsoftonline.com'

@description('Comma-separated UPNs that are always administrators, for tenants that do not assign app roles.')
param adminUpns string = ''

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'linux'
  sku: { name: webAppSku }
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
      appCommandLine: 'npm start'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
    }
  }
}

// A separate resource so the settings can use the site's own host name.
resource appSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: site
  name: 'appsettings'
  properties: {
    NODE_ENV: 'production'
    // /home survives restarts and redeploys; wwwroot is replaced on every zip deploy.
    DATA_DIR: '/home/data'
    // deploy uploads a built tree with node_modules; don't let Oryx rebuild it.
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
    PUBLIC_URL: 'https://${site.properties.defaultHostName}'
    TAB_DOMAIN: site.properties.defaultHostName
    AAD_APP_CLIENT_ID: aadAppClientId
    AAD_APP_TENANT_ID: aadAppTenantId
    AAD_APP_OAUTH_AUTHORITY_HOST: aadAppOauthAuthorityHost
    ADMIN_UPNS: adminUpns
  }
}

// arm/deploy writes each output to env/.env.<env> under the same name.
output API_APP_SERVICE_RESOURCE_ID string = site.id
output TAB_DOMAIN string = site.properties.defaultHostName
output TAB_ENDPOINT string = 'https://${site.properties.defaultHostName}'
