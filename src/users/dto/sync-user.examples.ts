/** Request bodies of PUT /api/users; the first is step 2 of third-party-user-sync.txt (its stray quote removed). */
export const SYNC_USER_EXAMPLES: Record<string, { summary: string; value: object }> = {
  seed: {
    summary: 'Seed step 2: create the user another system knows',
    value: { username: 'cersei.lannister', email: 'cersei-lannister@gmail.com', password: 'C3rs3i#L4nnist3r', emailVerified: true },
  },
  fullProfile: {
    summary: 'Every field a sync may set',
    value: {
      username: 'cersei.lannister',
      email: 'cersei-lannister@gmail.com',
      password: 'C3rs3i#L4nnist3r',
      emailVerified: true,
      name: 'Cersei Lannister',
      firstName: 'Cersei',
      lastName: 'Lannister',
      locale: 'en-GB',
      phoneNumber: '+441234567890',
      avatar: 'https://example.com/avatar.png',
      birthday: '1990-04-01',
      gender: 'female',
      roles: ['user'],
      isActive: true,
    },
  },
};
