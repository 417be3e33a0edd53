/**
 * What KubeVirt's DomainSpec (pkg/virt-launcher/virtwrap/api/schema.go) models of a libvirt
 * domain, as data: between two OnDefineDomain calls virt-launcher unmarshals the reply into this
 * struct and marshals it again, so only what is listed here survives, in this order.
 *
 * Written by hand from KubeVirt v1.9.0's schema.go; one entry per Go type. Tokens, in struct
 * field order:
 * - `@name` an attribute Go omits when empty (`omitempty`, or a pointer that is nil);
 *   `@name!` one it always writes (`""` when unset); `@name#` a number omitted when 0;
 *   `@name#!` a number always written (`0` when unset).
 * - `name:Type` a child element (at most one: repeated ones are merged into one);
 *   `name*:Type` a list; `name!:Type` always written, empty when unset;
 *   `wrapper>name*:Type` a list inside a wrapper element that is always written;
 *   `name!:Type=URI` a child in namespace URI (Go writes `xmlns="URI"` on it).
 * - `#text` the element's character data (a string); `#number` its character data (a number,
 *   `0` when unset).
 * Go matches elements and attributes by local name, whatever their namespace: a tag written
 * `qemu:commandline` (DomainSpec.QEMUCmd) never matches on unmarshal, so it is not listed —
 * up to v1.9.0 the whole `<qemu:commandline>` is dropped between calls.
 */
export const DOMAIN_SPEC_VERSION = 'v1.9.0';

export const DOMAIN_SPEC_ROOT = 'Domain';

export const DOMAIN_SPEC: Readonly<Record<string, string>> = {
  Domain:
    '@type! name!:Text uuid:Text memory!:Memory currentMemory:Memory maxMemory:MaxMemory ' +
    'memoryBacking:MemoryBacking os!:OS sysinfo:SysInfo devices!:Devices clock:Clock ' +
    'resource:Resource metadata!:Metadata features:Features cpu!:CPU vcpu:VCPU vcpus:VCPUs ' +
    'cputune:CPUTune numatune:NUMATune iothreads:IOThreads launchSecurity:LaunchSecurity ' +
    'on_reboot:Text iommufd:IOMMUFD',
  Text: '#text',
  Number: '#number',
  Empty: '',
  // memory and CPU
  Memory: '@unit! #number',
  MaxMemory: '@unit! @slots#! #number',
  MemoryBacking:
    'hugepages:HugePages source:MemoryBackingSource access:MemoryBackingAccess ' +
    'allocation:MemoryAllocation nosharepages:Empty',
  HugePages: 'page*:HugePage',
  HugePage: '@size! @unit! @nodeset!',
  MemoryBackingSource: '@type!',
  MemoryBackingAccess: '@mode!',
  MemoryAllocation: '@mode!',
  CPUTune: 'vcpupin*:VCPUPin iothreadpin*:IOThreadPin emulatorpin:EmulatorPin',
  VCPUPin: '@vcpu#! @cpuset!',
  IOThreadPin: '@iothread#! @cpuset!',
  EmulatorPin: '@cpuset!',
  NUMATune: 'memory!:NUMATuneMemory memnode*:MemNode',
  NUMATuneMemory: '@mode! @nodeset!',
  MemNode: '@cellid#! @mode! @nodeset!',
  VCPU: '@placement! #number',
  VCPUs: 'vcpu*:VCPUsVCPU',
  VCPUsVCPU: '@id#! @enabled @hotpluggable @order#',
  CPU: '@mode model:Text feature*:CPUFeature topology:CPUTopology numa:NUMA',
  CPUFeature: '@name! @policy',
  CPUTopology: '@sockets# @cores# @threads#',
  NUMA: 'cell*:NUMACell',
  NUMACell: '@id! @cpus @memory @unit @memAccess distances:NUMACellDistances',
  NUMACellDistances: 'sibling*:NUMACellSibling',
  NUMACellSibling: '@id! @value#!',
  IOThreads: '#number',
  IOMMUFD: '@enabled! @fdgroup',
  LaunchSecurity:
    '@type! dhCert:Text session:Text cbitpos:Text reducedPhysBits:Text policy:Text ' +
    'quoteGenerationService:QGS',
  QGS: '@path',
  Resource: 'partition!:Text',
  // features
  Features:
    'acpi:Empty apic:Empty hyperv:Hyperv smm:Empty kvm:FeatureKVM pvspinlock:FeatureState ' +
    'pmu:FeatureState vmport:FeatureState',
  Hyperv:
    '@mode relaxed:FeatureState vapic:FeatureState spinlocks:Spinlocks vpindex:FeatureState ' +
    'runtime:FeatureState synic:FeatureState stimer:SyNICTimer reset:FeatureState ' +
    'vendor_id:VendorID frequencies:FeatureState reenlightenment:FeatureState ' +
    'tlbflush:TLBFlush ipi:FeatureState evmcs:FeatureState',
  FeatureState: '@state',
  Spinlocks: '@state @retries',
  SyNICTimer: 'direct:FeatureState @state',
  TLBFlush: 'direct:FeatureState extended:FeatureState @state',
  VendorID: '@state @value',
  FeatureKVM: 'hidden:FeatureState hint-dedicated:FeatureState',
  // metadata: KubeVirt's own
  Metadata: 'kubevirt!:KubeVirtMetadata=http://kubevirt.io',
  KubeVirtMetadata:
    'uid!:Text graceperiod:GracePeriod migration:MigrationMetadata backup:BackupMetadata ' +
    'accessCredential:AccessCredential memoryDump:MemoryDump',
  GracePeriod:
    'deletionGracePeriodSeconds!:Number deletionTimestamp:Text markedForGracefulShutdown:Text',
  MigrationMetadata:
    'uid:Text startTimestamp:Text endTimestamp:Text failed:Text failureReason:Text ' +
    'abortStatus:Text mode:Text',
  BackupMetadata:
    'name:Text mode:Text skipQuiesce:Text startTimestamp:Text endTimestamp:Text ' +
    'completed:Text failed:Text backupMsg:Text checkpointName:Text volumes:Text ' +
    'quiesceStatus:Text',
  AccessCredential: 'succeeded:Text message:Text',
  MemoryDump:
    'fileName:Text startTimestamp:Text endTimestamp:Text completed:Text failed:Text ' +
    'failureReason:Text',
  // os and sysinfo
  OS:
    '@firmware firmware:FirmwareInfo type!:OSType acpi:OSACPI smbios:SMBios boot*:Boot ' +
    'bootmenu:BootMenu bios:BIOS loader:Loader nvram:NVRam kernel:Text initrd:Text ' +
    'cmdline:Text',
  FirmwareInfo: 'feature*:FirmwareFeature',
  FirmwareFeature: '@enabled! @name!',
  OSType: '#text @arch @machine',
  OSACPI: 'table*:ACPITable',
  ACPITable: '#text @type',
  SMBios: '@mode!',
  Boot: '@dev!',
  BootMenu: '@enable! @timeout',
  BIOS: '@useserial',
  Loader: '@readonly @secure @type #text',
  NVRam: '@template @format #text',
  SysInfo:
    '@type! system>entry*:Entry bios>entry*:Entry baseBoard>entry*:Entry chassis>entry*:Entry',
  Entry: '@name! #text',
  Clock: '@offset @timezone @adjustment timer*:Timer',
  Timer: '@name! @tickpolicy @present @track @frequency',
  // devices
  Devices:
    'emulator:Text interface*:Interface channel*:Channel hostdev*:HostDevice panic*:Panic ' +
    'controller*:Controller video*:Video graphics*:Graphics memballoon:MemBalloon disk*:Disk ' +
    'input*:Input serial*:Serial console*:Console watchdog*:Watchdog rng:Rng ' +
    'filesystem*:Filesystem redirdev*:RedirectedDevice sound*:Sound tpm*:TPM vsock:VSOCK ' +
    'memory:MemoryDevice iommu*:IOMMU',
  Address:
    '@type @domain @bus @slot @function @controller @target @unit @uuid @device @cssid ' +
    '@ssid @devno',
  Alias: '@name!',
  BootOrder: '@order#!',
  Interface:
    'address:Address @type! @trustGuestRxFilters source!:InterfaceSource ' +
    'target:InterfaceTarget model:Model mac:MAC mtu:MTU bandwidth:Empty boot:BootOrder ' +
    'link:LinkState filterref:FilterRef alias:Alias driver:InterfaceDriver rom:Rom acpi:ACPI ' +
    'backend:InterfaceBackend portForward*:PortForward',
  InterfaceSource: '@network @dev @bridge @mode address:Address',
  InterfaceTarget: '@dev! @managed',
  Model: '@type!',
  MAC: '@address!',
  MTU: '@size!',
  LinkState: '@state!',
  FilterRef: '@filter!',
  InterfaceDriver: '@name! @queues @iommu',
  Rom: '@enabled!',
  ACPI: '@index#!',
  InterfaceBackend: '@type @logFile',
  PortForward: '@proto! @address @dev range*:PortForwardRange',
  PortForwardRange: '@start#! @end# @to# @exclude',
  Channel: '@type! source:ChannelSource target:ChannelTarget',
  ChannelSource: '@mode! @path!',
  ChannelTarget: '@name @type! @address @port# @state',
  HostDevice:
    'source!:HostDeviceSource @type! boot:BootOrder @managed @mode @model address:Address ' +
    'alias:Alias @display @ramfb driver:HostDevDriver acpi:ACPIHostDev',
  HostDeviceSource: 'address:Address',
  HostDevDriver: '@iommufd',
  ACPIHostDev: '@nodeset',
  Panic: '@model',
  Controller:
    '@type! @index! @model driver:ControllerDriver alias:Alias address:Address ' +
    'pcihole64:PCIHole64 target:ControllerTarget',
  ControllerDriver: '@iothread @queues @iommu',
  PCIHole64: '#number @unit',
  ControllerTarget: '@busNr node:Text',
  Video: 'model!:VideoModel',
  VideoModel: '@type! @heads @ram @vram @vgamem',
  Graphics: '@autoport @defaultMode listen:GraphicsListen @passwdValidTo @port# @tlsPort# @type!',
  // KubeVirt's tag is misspelt `newtork`: a listen's `network` attribute is dropped
  GraphicsListen: '@type! @address @newtork @socket',
  MemBalloon: '@model! stats:Stats address:Address driver:IOMMUDriverOnly @freePageReporting',
  Stats: '@period#!',
  IOMMUDriverOnly: '@iommu',
  Disk:
    '@device! @snapshot @type! source!:DiskSource target!:DiskTarget serial:Text ' +
    'driver:DiskDriver readonly:Empty auth:DiskAuth alias:Alias backingStore:BackingStore ' +
    'boot:BootOrder address:Address @model blockio:BlockIO filesystemOverhead:Text ' +
    'capacity:Text shareable:Empty',
  DiskSource:
    '@dev @file @startupPolicy @protocol @name host:DiskSourceHost reservations:Reservations ' +
    'slices*:Slices dataStore:DataStore',
  DiskSourceHost: '@name! @port',
  Reservations: '@managed @migration source:SourceReservations',
  SourceReservations: '@type! @path @mode',
  Slices: 'slice!:Slice',
  Slice: '@type! @offset#! @size#!',
  DataStore: '@type format:FormatType source:DiskSource',
  FormatType: '@type!',
  DiskTarget: '@bus @dev @tray',
  DiskDriver:
    '@cache @error_policy @io @name! @type! @iothread iothreads:DiskIOThreads @queues ' +
    '@discard @iommu',
  DiskIOThreads: 'iothread*:DiskIOThread',
  DiskIOThread: '@id#!',
  DiskAuth: '@username! secret:DiskSecret',
  DiskSecret: '@type! @usage @uuid',
  BackingStore: '@type format:FormatType source:DiskSource',
  BlockIO: '@logical_block_size# @physical_block_size# @discard_granularity',
  Input: '@type! @bus! alias:Alias address:Address @model',
  Serial: '@type! target:SerialTarget source:SerialSource alias:Alias log:SerialLog',
  SerialTarget: '@port',
  SerialSource: '@mode @path',
  SerialLog: '@file @append',
  Console: '@type! target:ConsoleTarget source:SerialSource alias:Alias',
  ConsoleTarget: '@type @port',
  Watchdog: '@model! @action! alias:Alias address:Address',
  // RngRate exists in schema.go but no field uses it: `<rng><rate>` is dropped
  Rng: '@model! backend:RngBackend address:Address driver:IOMMUDriverOnly',
  RngBackend: '@model! #text',
  Filesystem:
    '@type! @accessMode! source:FilesystemSource target:FilesystemTarget ' +
    'driver:FilesystemDriver binary:FilesystemBinary',
  FilesystemSource: '@dir! @socket',
  FilesystemTarget: '@dir',
  FilesystemDriver: '@type! @queue',
  FilesystemBinary: '@path @xattr cache:FilesystemBinaryCache lock:FilesystemBinaryLock',
  FilesystemBinaryCache: '@mode',
  FilesystemBinaryLock: '@posix @flock',
  RedirectedDevice: '@type! @bus! source!:RedirectedSource',
  RedirectedSource: '@mode! @path!',
  Sound: 'alias:Alias @model!',
  TPM: '@model! backend!:TPMBackend',
  TPMBackend: '@type! @version! @persistent_state',
  VSOCK: '@model cid!:CID',
  CID: '@auto! @address#',
  MemoryDevice: '@model! target:MemoryTarget alias:Alias address:Address',
  MemoryTarget:
    'size!:Memory requested!:Memory current!:Memory node!:Text block!:Memory ' +
    'address:MemoryAddress',
  MemoryAddress: '@base!',
  IOMMU: '@model! driver:IOMMUDriver',
  IOMMUDriver: '@pciBus @accel @ats @ril @ssidSize @oas',
};
