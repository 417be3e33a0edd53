/**
 * How KubeVirt's hook manager takes a PreCloudInitIso reply (pkg/hooks `preCloudInitIsoValidateResult`):
 * json.Unmarshal of `cloudInitData` (empty bytes or bad JSON: the call fails); if the result is not
 * `IsValidCloudInitData` (UserData empty, or no metadata), a CloudInitData rebuilt from the legacy
 * `cloudInitNoCloudSource`: only DataSource, UserData and NetworkData.
 */

export interface KubevirtCloudInitData {
  readonly DataSource: string;
  readonly NoCloudMetaData: unknown;
  readonly ConfigDriveMetaData: unknown;
  readonly UserData: string;
  readonly NetworkData: string;
  readonly DevicesData: unknown;
  readonly VolumeName: string;
}

/** Go's encoding/json matches object keys to fields case-insensitively; a missing or null field is the zero value. */
function field(object: Record<string, unknown>, name: string): unknown {
  const key = Object.keys(object).find(
    (candidate) => candidate.toLowerCase() === name.toLowerCase(),
  );
  return key === undefined ? undefined : object[key];
}

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string')
    throw new Error('KubeVirt cannot unmarshal a non-string into a string field');
  return value;
}

function object(bytes: Buffer): Record<string, unknown> {
  if (bytes.length === 0) throw new Error('KubeVirt cannot unmarshal empty bytes');
  const value: unknown = JSON.parse(bytes.toString('utf8'));
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error('KubeVirt cannot unmarshal a non-object into CloudInitData');
  return value as Record<string, unknown>;
}

/** The CloudInitData virt-launcher goes on with after the reply. */
export function kubevirtTakes(
  dataSource: string,
  cloudInitData: Buffer,
  cloudInitNoCloudSource: Buffer,
): KubevirtCloudInitData {
  const data = object(cloudInitData);
  const result: KubevirtCloudInitData = {
    DataSource: text(field(data, 'DataSource')),
    NoCloudMetaData: field(data, 'NoCloudMetaData') ?? null,
    ConfigDriveMetaData: field(data, 'ConfigDriveMetaData') ?? null,
    UserData: text(field(data, 'UserData')),
    NetworkData: text(field(data, 'NetworkData')),
    DevicesData: field(data, 'DevicesData') ?? null,
    VolumeName: text(field(data, 'VolumeName')),
  };
  const valid =
    result.UserData !== '' &&
    (result.NoCloudMetaData !== null || result.ConfigDriveMetaData !== null);
  if (valid) return result;
  const legacy = object(cloudInitNoCloudSource);
  return {
    DataSource: dataSource,
    NoCloudMetaData: null,
    ConfigDriveMetaData: null,
    UserData: text(field(legacy, 'userData')),
    NetworkData: text(field(legacy, 'networkData')),
    DevicesData: null,
    VolumeName: '',
  };
}
