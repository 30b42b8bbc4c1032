export const availabilityZonesUrl = () => 'os-availability-zone';
